package pl.ops.swiadczenia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.audit.AccessLog;
import pl.ops.swiadczenia.audit.DecisionChain;
import pl.ops.swiadczenia.lifecycle.ImpactService;
import pl.ops.swiadczenia.security.Caller;
import pl.ops.swiadczenia.security.Roles;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/** For auditors: verify the hash chain, replay stored decisions in batch, read the access log. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
@Tag(name = "Audit", description = "Hash-chain verification, batch replay, access log (role auditor)")
public class AuditResource {
    @Inject
    DecisionChain chain;
    @Inject
    ImpactService jobs;
    @Inject
    AccessLog accessLog;
    @Inject
    Caller caller;
    @Context
    HttpHeaders headers;

    @GET
    @Path("/chain")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Verify the hash chain of stored decisions",
            description = "Recomputes every decision's content hash and every link; names the first broken record.")
    public Response verifyChain() {
        DecisionChain.Verification v = chain.verify();
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.VERIFY_CHAIN, null,
                (v.intact() ? "intact" : "BROKEN at " + v.firstBroken().decisionId()) + ", " + v.chainedDecisions() + " decisions");
        return Reports.respond(headers, v, v::toText);
    }

    @POST
    @Path("/replays")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay every stored decision of a benefit and legal-date range (background job)")
    public Response startReplay(ImpactService.ReplayRequest request) {
        ImpactService.JobView job = jobs.startReplay(request, caller.subject());
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.BATCH_REPLAY, null,
                "job " + job.id() + " benefit=" + job.request().benefit() + " " + job.request().legalDateFrom() + "–"
                        + job.request().legalDateTo());
        return Response.accepted(job).location(URI.create("/api/v1/audit/replays/" + job.id())).build();
    }

    @GET
    @Path("/replays")
    @Operation(summary = "Recent batch replays")
    public List<ImpactService.JobView> replays() {
        return jobs.list(ImpactService.Kind.REPLAY);
    }

    @GET
    @Path("/replays/{id}")
    @Operation(summary = "Progress and result of a batch replay: identical, different (listed), not replayable")
    public ImpactService.JobView replay(@PathParam("id") String id) {
        return jobs.get(ImpactService.Kind.REPLAY, id).orElseThrow(() -> noReplay(id));
    }

    @GET
    @Path("/replays/{id}/decisions")
    @Operation(summary = "Every decision a batch replay found not identical (or could not replay), by legal date",
            description = "kind: DIFFERENT, NOT_REPLAYABLE, RETIRED_OTHER_RESULT; note: the first fields that differ, or "
                    + "why it could not be replayed. Pages of 'size' (at most 1000).")
    public ImpactResource.DecisionPage replayDecisions(@PathParam("id") String id, @QueryParam("page") String page,
                                                       @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = Params.integer("page", page, 0, 0, 1_000_000, errors);
        int s = Params.integer("size", size, 100, 1, 1000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ImpactService.JobView job = jobs.get(ImpactService.Kind.REPLAY, id).orElseThrow(() -> noReplay(id));
        UUID uuid = UUID.fromString(job.id());
        return new ImpactResource.DecisionPage(jobs.countItems(uuid, null), p, s,
                jobs.items(uuid, null, p * s, s).stream().map(ImpactResource.JobDecision::of).toList());
    }

    @DELETE
    @Path("/replays/{id}")
    @Operation(summary = "Cancel a batch replay")
    public ImpactService.JobView cancelReplay(@PathParam("id") String id) {
        return jobs.cancel(ImpactService.Kind.REPLAY, id).orElseThrow(() -> noReplay(id));
    }

    private static NotFoundException noReplay(String id) {
        return new NotFoundException("Brak zadania odtworzenia decyzji " + id);
    }

    @GET
    @Path("/access-log")
    @Operation(summary = "Who read or replayed which decision (newest first)")
    public List<AccessLog.Entry> accessLog(@QueryParam("decisionId") String decisionId,
                                           @QueryParam("subject") String subject,
                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("page") String page, @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        UUID id = null;
        if (decisionId != null) {
            try {
                id = UUID.fromString(decisionId);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("decisionId", "niepoprawna wartość: oczekiwano identyfikatora decyzji (UUID), "
                        + "np. 3f1c2a9e-5b7d-4c1e-9a2f-0d6b8e4a7c11"));
            }
        }
        Instant f = Params.instant("from", from, errors);
        Instant t = Params.instant("to", to, errors);
        int p = Params.integer("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int s = Params.integer("size", size, 50, 1, 500, errors);
        if (subject != null && subject.length() > 200) {
            errors.add(new FieldError("subject", "za długi tekst: dozwolone najwyżej 200 znaków"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<AccessLog.Entry> out = accessLog.search(id, subject, f, t, p, s);
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.READ_ACCESS_LOG, id, null);
        return out;
    }
}
