package pl.ops.swiadczenia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.lifecycle.Corrections;
import pl.ops.swiadczenia.lifecycle.ImpactService;
import pl.ops.swiadczenia.security.Roles;

/**
 * Corrections of released law (docs/adr/0018-durable-jobs-and-corrections.md): proposed by one policy user, its impact
 * on stored decisions analysed (the cases to reopen), approved by a second person, published – in force for new
 * evaluations from then on, while earlier decisions replay under the release they recorded.
 */
@Path("/api/v1/corrections/{benefit}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Corrections", description = "Correct an error in released law: propose, analyse impact, approve, publish")
public class CorrectionResource {
    @Inject
    Corrections corrections;
    @Inject
    pl.ops.swiadczenia.security.Caller caller;

    /** A comment with an approval or a publication. */
    public record Comment(String comment) {
    }

    @GET
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR})
    @Operation(summary = "Corrections of a benefit's released law, oldest first",
            description = "Each with the states it changes (legal dates, hash before and after), who proposed and "
                    + "approved it, its impact analysis and, once published, when and in which release: the second time "
                    + "axis (which encoding of the law the service held when).")
    public List<Corrections.View> list(@PathParam("benefit") String benefit) {
        return corrections.list(benefit);
    }

    @POST
    @RolesAllowed(Roles.POLICY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Propose a correction of released law",
            description = "{\"files\": {relative path in rules/{benefit}/: content or null}, \"comment\": what error it "
                    + "corrects}. Validated like a draft (DRL policy, compilation, every golden case), except that released "
                    + "states may change and a missed released date may be added; at least one released state must change. "
                    + "Stored in the change log, not in force.")
    @APIResponse(responseCode = "201", description = "Proposed; the correction with the states it changes")
    @APIResponse(responseCode = "422", description = "Does not validate: nothing stored")
    public Response propose(@PathParam("benefit") String benefit, Corrections.Request request) {
        Corrections.View v = corrections.propose(benefit, request, caller.subject());
        return Response.created(URI.create("/api/v1/corrections/" + benefit + "/" + v.id())).entity(v).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.POLICY, Roles.AUDITOR})
    @Operation(summary = "One correction")
    public Corrections.View get(@PathParam("benefit") String benefit, @PathParam("id") String id) {
        return corrections.get(benefit, id).orElseThrow(() -> new NotFoundException("Brak korekty " + id));
    }

    @POST
    @Path("/{id}/impact-analysis")
    @RolesAllowed(Roles.POLICY)
    @Operation(summary = "Analyse which stored decisions the correction changes",
            description = "A background job over the stored decisions with a legal date in the corrected states' range, "
                    + "each re-evaluated under the corrected law in force on its legal date; follow the Location. The "
                    + "decisions it changes: GET /api/v1/impact-analyses/{job}/decisions (JSON pages or CSV).")
    @APIResponse(responseCode = "202", description = "Started")
    public Response impact(@PathParam("benefit") String benefit, @PathParam("id") String id) {
        ImpactService.JobView job = corrections.startImpact(benefit, id, caller.subject());
        return Response.accepted(job).location(URI.create("/api/v1/impact-analyses/" + job.id())).build();
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Roles.POLICY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a correction (a second person; validation re-run on exactly this content)")
    @APIResponse(responseCode = "409", description = "The author cannot approve; already published")
    public Corrections.View approve(@PathParam("benefit") String benefit, @PathParam("id") String id, Comment body) {
        return corrections.approve(benefit, id, caller.subject(), body == null ? null : body.comment());
    }

    @POST
    @Path("/{id}/publication")
    @RolesAllowed(Roles.POLICY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish an approved correction whose impact analysis has finished",
            description = "In force for new evaluations from now on (a new release); evaluations asKnownAt an earlier "
                    + "instant and replays of earlier decisions keep the release they had.")
    @APIResponse(responseCode = "409", description = "Not approved by a second person, no finished impact analysis, "
            + "or the history changed since the proposal")
    public Corrections.View publish(@PathParam("benefit") String benefit, @PathParam("id") String id, Comment body) {
        return corrections.publish(benefit, id, caller.subject(), body == null ? null : body.comment());
    }
}
