package pl.ops.swiadczenia.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import pl.ops.swiadczenia.lifecycle.ImpactService;
import pl.ops.swiadczenia.service.InvalidRequestException;

/** Impact analysis of a candidate version over stored decisions, as background jobs. */
@Path("/api/v1/impact-analyses")
@jakarta.annotation.security.RolesAllowed(pl.ops.swiadczenia.security.Roles.POLICY)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Impact analysis", description = "What a candidate version would change in stored decisions")
public class ImpactResource {
    @Inject
    ImpactService impact;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an impact analysis",
            description = "Re-evaluates the stored decisions of 'benefit' with a legal date in "
                    + "[legalDateFrom, legalDateTo] under the candidate 'version' (draft or released) and compares "
                    + "outcomes and totals. Runs in the background: follow the Location.")
    @APIResponse(responseCode = "202", description = "Started")
    public Response start(ImpactService.ImpactRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new pl.ops.swiadczenia.service.FieldError("body", "is required")));
        }
        ImpactService.JobView job = impact.start(request);
        return Response.accepted(job).location(URI.create("/api/v1/impact-analyses/" + job.id())).build();
    }

    @GET
    @Operation(summary = "Recent impact analyses")
    public List<ImpactService.JobView> list() {
        return impact.list(ImpactService.Kind.IMPACT);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Progress and result of an impact analysis",
            description = "done / total, decisions per second, seconds left; counts by kind of change, distribution "
                    + "of amount differences, example decisions per kind.")
    public ImpactService.JobView get(@PathParam("id") String id) {
        return impact.get(ImpactService.Kind.IMPACT, id).orElseThrow(() -> new NotFoundException("No impact analysis " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel an impact analysis")
    public ImpactService.JobView cancel(@PathParam("id") String id) {
        return impact.cancel(ImpactService.Kind.IMPACT, id).orElseThrow(() -> new NotFoundException("No impact analysis " + id));
    }
}
