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
    @Inject
    pl.ops.swiadczenia.security.Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an impact analysis",
            description = "Re-evaluates the stored decisions of 'benefit' with a legal date in "
                    + "[legalDateFrom, legalDateTo] under the candidate 'version' (draft or released) and compares "
                    + "outcomes and totals. Runs in the background: follow the Location.")
    @APIResponse(responseCode = "202", description = "Started")
    public Response start(ImpactService.ImpactRequest request) {
        if (request == null) {
            throw new InvalidRequestException(List.of(new pl.ops.swiadczenia.service.FieldError("body",
                    "wymagana treść żądania: obiekt JSON z polami benefit i version")));
        }
        ImpactService.JobView job = impact.start(request, caller.subject());
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
        return impact.get(ImpactService.Kind.IMPACT, id).orElseThrow(() -> noAnalysis(id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel an impact analysis")
    public ImpactService.JobView cancel(@PathParam("id") String id) {
        return impact.cancel(ImpactService.Kind.IMPACT, id).orElseThrow(() -> noAnalysis(id));
    }

    private static NotFoundException noAnalysis(String id) {
        return new NotFoundException("Brak analizy skutków " + id);
    }

    /** One page of the decisions an analysis found changed. */
    public record DecisionPage(long total, int page, int size, List<JobDecision> items) {
    }

    /** A decision to reopen: what was decided, what the candidate decides, the difference. */
    public record JobDecision(String decisionId, java.time.LocalDate legalDate, String caseReference, String kind,
                              String kindName, String storedOutcome, java.math.BigDecimal storedTotal, String newOutcome,
                              java.math.BigDecimal newTotal, java.math.BigDecimal difference, String note) {
        static JobDecision of(pl.ops.swiadczenia.lifecycle.JobStore.Item i) {
            return new JobDecision(i.decisionId(), i.legalDate(), i.caseReference(), i.kind(), JobCsv.kindName(i.kind()),
                    i.storedOutcome(), i.storedTotal(), i.newOutcome(), i.newTotal(), i.difference(), i.note());
        }
    }

    @GET
    @Path("/{id}/decisions")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The decisions an impact analysis found changed – the list of cases to reopen",
            description = "Every stored decision whose outcome or total the candidate changes (or which it cannot "
                    + "evaluate), by legal date: stored and new outcome and total, the difference. 'kind' filters "
                    + "(AMOUNT_INCREASED, AMOUNT_DECREASED, OUTCOME_CHANGED, NOT_EVALUABLE). With Accept: text/csv (or "
                    + "format=csv) the whole list as CSV for a spreadsheet: semicolons, decimal comma, UTF-8 with BOM, "
                    + "Polish headers, totals in the last line.")
    public Response decisions(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("kind") String kind,
                              @jakarta.ws.rs.QueryParam("page") String page, @jakarta.ws.rs.QueryParam("size") String size,
                              @jakarta.ws.rs.QueryParam("format") String format,
                              @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        List<pl.ops.swiadczenia.service.FieldError> errors = new java.util.ArrayList<>();
        int p = Params.integer("page", page, 0, 0, 1_000_000, errors);
        int s = Params.integer("size", size, 100, 1, 1000, errors);
        if (kind != null && !JobCsv.IMPACT_KINDS.contains(kind)) {
            errors.add(new pl.ops.swiadczenia.service.FieldError("kind", "musi być jednym z " + JobCsv.IMPACT_KINDS));
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            errors.add(new pl.ops.swiadczenia.service.FieldError("format", "musi być csv albo json"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ImpactService.JobView job = impact.get(ImpactService.Kind.IMPACT, id)
                .orElseThrow(() -> noAnalysis(id));
        boolean csv = "csv".equals(format) || (format == null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv")));
        if (csv) {
            return Response.ok(JobCsv.impact(impact, job), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"analiza-skutkow-" + job.id() + ".csv\"")
                    .build();
        }
        java.util.UUID uuid = java.util.UUID.fromString(job.id());
        List<JobDecision> items = impact.items(uuid, kind, p * s, s).stream().map(JobDecision::of).toList();
        return Response.ok(new DecisionPage(impact.countItems(uuid, kind), p, s, items), MediaType.APPLICATION_JSON).build();
    }
}
