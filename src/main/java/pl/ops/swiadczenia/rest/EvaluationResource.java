package pl.ops.swiadczenia.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.decyzja.Evaluation;
import pl.ops.swiadczenia.service.EvaluationService;

/** Calculator / what-if: the same evaluation as a decision, not stored. */
@Path("/api/v1/evaluations")
@jakarta.annotation.security.RolesAllowed({pl.ops.swiadczenia.security.Roles.SYSTEM, pl.ops.swiadczenia.security.Roles.POLICY, pl.ops.swiadczenia.security.Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations", description = "Evaluate without storing (calculator, what-if)")
public class EvaluationResource {
    @Inject
    EvaluationService evaluations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate an application without storing it")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = pl.ops.swiadczenia.service.EvaluationRequest.class),
            examples = @ExampleObject(name = "W2", ref = "DecisionRequestW2")))
    @APIResponse(responseCode = "200", description = "The evaluation", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Evaluation.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No released ruleset for this benefit on this legal date, or "
            + "the evaluation was stopped by its time or rule-firing limit (type …/evaluation-limit; nothing stored)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(name = "asKnownAt", description = "An instant "
            + "(ISO-8601, e.g. 2026-12-07T10:00:00Z): evaluate as the service would have then – the legal date still "
            + "chooses the law in force, from the release of the rules the service held at that instant (header "
            + "Release-Id). Without it: the rules held now.")
    public jakarta.ws.rs.core.Response evaluate(String body, @jakarta.ws.rs.QueryParam("asKnownAt") String asKnownAt) {
        if (asKnownAt == null) {
            return jakarta.ws.rs.core.Response.ok(pl.ops.swiadczenia.service.CanonicalJson.write(
                    evaluations.evaluate(RequestJson.read(body)))).build();
        }
        java.util.List<pl.ops.swiadczenia.service.FieldError> errors = new java.util.ArrayList<>();
        java.time.Instant at = Params.instant("asKnownAt", asKnownAt, errors);
        if (at == null && errors.isEmpty()) {
            errors.add(new pl.ops.swiadczenia.service.FieldError("asKnownAt",
                    "pusta wartość: oczekiwano daty i godziny w formacie ISO 8601 (UTC), np. 2026-12-07T10:00:00Z"));
        }
        if (!errors.isEmpty()) {
            throw new pl.ops.swiadczenia.service.InvalidRequestException(errors);
        }
        EvaluationService.AsKnown e = evaluations.evaluateAsKnownAt(RequestJson.read(body), at);
        return jakarta.ws.rs.core.Response.ok(pl.ops.swiadczenia.service.CanonicalJson.write(e.evaluation()))
                .header("Release-Id", e.releaseId()).build();
    }
}
