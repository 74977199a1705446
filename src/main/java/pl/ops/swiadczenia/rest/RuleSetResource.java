package pl.ops.swiadczenia.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.fakty.Parametr;
import pl.ops.swiadczenia.ruleset.RegistryHolder;
import pl.ops.swiadczenia.ruleset.RuleInfo;
import pl.ops.swiadczenia.ruleset.RuleSet;
import pl.ops.swiadczenia.ruleset.RuleSetManifest;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/** The ruleset versions: dates, hashes, parameters with citations, rules. */
@Path("/api/v1/rulesets")
@jakarta.annotation.security.RolesAllowed({pl.ops.swiadczenia.security.Roles.SYSTEM, pl.ops.swiadczenia.security.Roles.POLICY, pl.ops.swiadczenia.security.Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rulesets", description = "Versioned rulesets by benefit and effective date")
public class RuleSetResource {
    @Inject
    RegistryHolder ruleSets;
    @Inject
    pl.ops.swiadczenia.service.DecisionService decisions;

    /**
     * Summary of a version. {@code name}: the benefit's display name in Polish (rules/wspolne/nazwy.yaml; the id
     * when it has none, e.g. a module).
     */
    public record RuleSetSummary(String id, String benefit, String name, LocalDate version, LocalDate effectiveFrom,
                                 LocalDate effectiveTo, RuleSetManifest.Status status, String sha256, String summary,
                                 RuleSetManifest.Kind kind) {
        static RuleSetSummary of(RuleSet rs, pl.ops.swiadczenia.ruleset.PresentationNames names) {
            pl.ops.swiadczenia.ruleset.PresentationNames.Name n = names.benefits().get(rs.benefit());
            return new RuleSetSummary(rs.id(), rs.benefit(), n == null || n.pl() == null ? rs.benefit() : n.pl(),
                    rs.version(), rs.effectiveFrom(), rs.effectiveTo(), rs.manifest().status(), rs.sha256(),
                    rs.manifest().summary(), rs.manifest().kind());
        }
    }

    /** All versions, plus folders that failed to load. */
    public record RuleSetList(List<RuleSetSummary> rulesets, Map<String, String> invalid) {
    }

    /** Full detail of a version. */
    public record RuleSetDetail(RuleSetSummary ruleset, RuleSetManifest manifest, List<Parametr> parameters,
                                List<RuleInfo> rules) {
    }

    @GET
    @Operation(summary = "List ruleset versions with dates, status and hashes")
    public RuleSetList list() {
        List<RuleSetSummary> out = new ArrayList<>();
        pl.ops.swiadczenia.ruleset.PresentationNames names = decisions.presentationNames();
        ruleSets.registry().all().forEach(rs -> out.add(RuleSetSummary.of(rs, names)));
        return new RuleSetList(out, ruleSets.registry().failures());
    }

    @GET
    @Path("/{benefit}/{version}")
    @Operation(summary = "One ruleset version: manifest, parameters with citations, rules")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleSetDetail get(@PathParam("benefit") String benefit, @PathParam("version") String version) {
        LocalDate v;
        try {
            v = LocalDate.parse(version);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new FieldError("version",
                    "niepoprawna wartość: oczekiwano daty w formacie RRRR-MM-DD, np. 2026-01-31")));
        }
        RuleSet rs = ruleSets.registry().find(benefit, v)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("Brak zestawu reguł " + benefit + "/" + version));
        List<Parametr> params = new ArrayList<>(rs.parameters().values());
        params.sort((a, b) -> a.nazwa().compareTo(b.nazwa()));
        return new RuleSetDetail(RuleSetSummary.of(rs, decisions.presentationNames()), rs.manifest(), params, rs.rules());
    }

    @GET
    @Path("/{benefit}/in-force")
    @Operation(summary = "Which released version is in force on a date",
            description = "The version a decision with this legal date would use.")
    @APIResponse(responseCode = "200", description = "The version in force")
    @APIResponse(responseCode = "422", description = "No version in force on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleSetSummary inForce(@PathParam("benefit") String benefit, @QueryParam("date") String date) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = Params.date("date", date, errors);
        if (d == null && errors.isEmpty()) {
            errors.add(new FieldError("date", "pole wymagane: data w formacie RRRR-MM-DD"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return RuleSetSummary.of(ruleSets.registry().select(benefit, d), decisions.presentationNames());
    }
}
