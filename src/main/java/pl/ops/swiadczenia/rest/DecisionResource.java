package pl.ops.swiadczenia.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.audit.AccessLog;
import pl.ops.swiadczenia.audit.DecisionRecord;
import pl.ops.swiadczenia.audit.DecisionRecordRepository;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.DecisionService;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;
import pl.ops.swiadczenia.service.ReplayService;

/** Decisions: evaluate and store, read back, search, replay. */
@Path("/api/v1/decisions")
@jakarta.annotation.security.RolesAllowed({pl.ops.swiadczenia.security.Roles.SYSTEM, pl.ops.swiadczenia.security.Roles.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "Evaluate and store decisions (append-only), read them back and replay them")
public class DecisionResource {
    @Inject
    pl.ops.swiadczenia.security.Caller caller;
    @Inject
    AccessLog accessLog;
    @Inject
    pl.ops.swiadczenia.service.PeselKey peselKey;

    @Inject
    DecisionService decisions;
    @Inject
    ReplayService replays;
    @Inject
    DecisionRecordRepository repository;
    @Inject
    pl.ops.swiadczenia.service.BatchService batches;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate an application and store the decision",
            description = "Selects the ruleset version in force on legalDate, evaluates, stores the exact request and "
                    + "result, and returns the decision with its explanation.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvaluationRequest.class),
            examples = @ExampleObject(name = "W2", ref = "DecisionRequestW2")))
    @APIResponse(responseCode = "201", description = "Decision stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionView.class),
            examples = @ExampleObject(name = "W2", ref = "DecisionResponseW2")))
    @APIResponse(responseCode = "400", description = "Invalid input; each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No released ruleset for this benefit on this legal date, or "
            + "the evaluation was stopped by its time or rule-firing limit (type …/evaluation-limit; nothing stored)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @jakarta.annotation.security.RolesAllowed(pl.ops.swiadczenia.security.Roles.SYSTEM)
    public Response decide(String body, @Context UriInfo uri) {
        EvaluationRequest request = RequestJson.read(body);
        DecisionRecord r = decisions.decide(request, body);
        return Response.created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .entity(CanonicalJson.write(decisions.render(r))).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide one household for several benefits",
            description = "Each listed benefit is decided and stored as its own decision (replayable on its own). With no "
                    + "benefits listed: every benefit in force on its legal date is evaluated, granted ones are stored, the "
                    + "others are reported in notDecided with the reason. A benefit whose input is incomplete is reported, "
                    + "not fatal for the others.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = pl.ops.swiadczenia.service.BatchRequest.class)))
    @APIResponse(responseCode = "201", description = "Decisions stored (and benefits not decided, with reasons)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; each bad field is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @jakarta.annotation.security.RolesAllowed(pl.ops.swiadczenia.security.Roles.SYSTEM)
    public Response decideBatch(String body) {
        pl.ops.swiadczenia.service.BatchRequest b = RequestJson.read(body, pl.ops.swiadczenia.service.BatchRequest.class);
        if (b.wniosek() != null && b.legalDate() != null) {
            // structural checks of the shared application (benefit-specific ones are reported per benefit)
            pl.ops.swiadczenia.service.RequestValidator.validate(
                    new EvaluationRequest("batch", b.legalDate(), b.caseReference(), b.wniosek()));
        }
        pl.ops.swiadczenia.service.BatchService.Result res = batches.decide(b);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode ds = out.putArray("decisions");
        res.decisions().forEach(r -> ds.add(decisions.render(r)));
        out.set("notDecided", CanonicalJson.MAPPER.valueToTree(res.notDecided()));
        return Response.status(201).entity(CanonicalJson.write(out)).type(MediaType.APPLICATION_JSON).build();
    }

    /** OpenAPI shape of a batch answer. */
    @Schema(name = "DecisionBatch")
    public static class BatchView {
        public List<DecisionView> decisions;
        public List<pl.ops.swiadczenia.service.BatchService.NotDecided> notDecided;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a stored decision", description = "Returns the decision exactly as stored.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "404", description = "No such decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String get(@PathParam("id") String id) {
        DecisionRecord r = readable(id);
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.READ_DECISION, r.id, null);
        return CanonicalJson.write(decisions.render(r));
    }

    @GET
    @Path("/{id}/request")
    @Operation(summary = "The stored request of a decision (the household as submitted; PESEL numbers are not stored)")
    public String request(@PathParam("id") String id) {
        DecisionRecord r = readable(id);
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.READ_DECISION, r.id, "request");
        return r.requestJson;
    }

    /** The decision if the caller may read it; 404 otherwise (a system does not learn that others' decisions exist). */
    private DecisionRecord readable(String id) {
        DecisionRecord r = decisions.get(id);
        if (!caller.mayRead(r)) {
            throw new pl.ops.swiadczenia.service.DecisionNotFoundException(id);
        }
        return r;
    }

    @GET
    @Path("/{id}/document")
    @Produces("text/html;charset=UTF-8")
    @Operation(summary = "A stored decision as a printable document (HTML, Polish)",
            description = "Header, outcome, key figures, payable amounts and every explanation step with its legal basis; "
                    + "for zaswiadczenie_czyste_powietrze this is the income certificate.")
    @APIResponse(responseCode = "200", description = "Printable HTML", content = @Content(mediaType = "text/html"))
    @APIResponse(responseCode = "404", description = "No such decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String document(@PathParam("id") String id) {
        DecisionRecord r = readable(id);
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.READ_DOCUMENT, r.id, null);
        com.fasterxml.jackson.databind.node.ObjectNode d = decisions.render(r);
        String title = "zaswiadczenie_czyste_powietrze".equals(r.benefit)
                ? "Zaświadczenie o przeciętnym miesięcznym dochodzie" : "Decyzja – " + d.at("/display/pl/benefit").asText();
        return DecisionDocument.html(d, title);
    }

    @GET
    @Operation(summary = "Search stored decisions (paged, newest first)")
    @APIResponse(responseCode = "200", description = "A page of decisions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DecisionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid query parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String search(
            @Parameter(description = "Benefit identifier, e.g. zasilek_rodzinny") @QueryParam("benefit") String benefit,
            @Parameter(description = "Legal date from (inclusive), yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "Legal date to (inclusive), yyyy-MM-dd") @QueryParam("to") String to,
            @Parameter(description = "Created at or after (ISO instant)") @QueryParam("createdFrom") String createdFrom,
            @Parameter(description = "Created at or before (ISO instant)") @QueryParam("createdTo") String createdTo,
            @Parameter(description = "PESEL of a family member (matched through its keyed hash; never stored in clear)") @QueryParam("pesel") String pesel,
            @Parameter(description = "Outcome: GRANTED or REFUSED") @QueryParam("outcome") String outcome,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1–100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20")) @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate f = Params.date("from", from, errors);
        LocalDate t = Params.date("to", to, errors);
        Instant cf = Params.instant("createdFrom", createdFrom, errors);
        Instant ct = Params.instant("createdTo", createdTo, errors);
        int p = Params.integer("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int s = Params.integer("size", size, 20, 1, 100, errors);
        if (benefit != null && !benefit.matches("[a-z][a-z0-9_]{0,63}")) {
            errors.add(new FieldError("benefit", "niepoprawna wartość: oczekiwano identyfikatora świadczenia (małe litery, "
                    + "cyfry i _), np. zasilek_rodzinny"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (outcome != null && !outcome.equals("GRANTED") && !outcome.equals("REFUSED")) {
            throw new InvalidRequestException(List.of(new FieldError("outcome",
                    "niepoprawna wartość: dozwolone GRANTED albo REFUSED")));
        }
        String peselHmac = null;
        if (pesel != null) {
            List<FieldError> pe = new ArrayList<>();
            pl.ops.swiadczenia.service.Pesel.check("pesel", pesel, null, pe);
            if (!pe.isEmpty()) {
                throw new InvalidRequestException(pe);
            }
            peselHmac = peselKey.hmac(pesel);
        }
        DecisionRecordRepository.Result res = repository.search(benefit, f, t, cf, ct, p, s,
                caller.isAuditor() ? null : caller.subject(), peselHmac, outcome);
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.SEARCH_DECISIONS, null,
                "benefit=" + benefit + " from=" + from + " to=" + to + (pesel != null ? " pesel=(keyed hash)" : "")
                        + " page=" + p + " results=" + res.items().size());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("items");
        res.items().forEach(r -> items.add(decisions.render(r)));
        out.put("page", p);
        out.put("size", s);
        out.put("total", res.total());
        out.put("totalPages", (res.total() + s - 1) / s);
        return CanonicalJson.write(out);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay a stored decision",
            description = "against=stored (default): re-evaluate the stored input under the stored ruleset version, check "
                    + "the version's SHA-256 and compare byte for byte; answers IDENTICAL or a field-by-field difference. "
                    + "against=current: what the law in force today (or on the date given by 'on') would decide.")
    @APIResponse(responseCode = "200", description = "Replay result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReplayService.Replay.class)))
    @APIResponse(responseCode = "404", description = "No such decision",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The ruleset needed is not available",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @jakarta.annotation.security.RolesAllowed(pl.ops.swiadczenia.security.Roles.AUDITOR)
    public String replay(@PathParam("id") String id,
            @Parameter(description = "stored (default) or current") @QueryParam("against") String against,
            @Parameter(description = "With against=current: use the version in force on this date instead of today") @QueryParam("on") String on) {
        List<FieldError> errors = new ArrayList<>();
        ReplayService.Against a = ReplayService.Against.STORED;
        if (against != null) {
            try {
                a = ReplayService.Against.valueOf(against.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("against", "niepoprawna wartość: dozwolone stored albo current"));
            }
        }
        LocalDate d = Params.date("on", on, errors);
        if (d != null && a == ReplayService.Against.STORED) {
            errors.add(new FieldError("on", "dozwolone tylko razem z against=current"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ReplayService.Replay result = replays.replay(id, a, d);
        accessLog.record(caller.subject(), caller.roles(), AccessLog.Action.REPLAY_DECISION,
                java.util.UUID.fromString(result.decisionId()), "against=" + a + " status=" + result.status());
        return CanonicalJson.write(result);
    }

    /** OpenAPI shape of a stored decision (the body is rendered from the stored JSON). */
    @Schema(name = "Decision", description = "A stored decision: envelope plus the evaluation")
    public static class DecisionView {
        @Schema(description = "Decision id (UUID)") public String id;
        @Schema(description = "When the decision was stored (UTC)") public Instant createdAt;
        public String caseReference;
        @Schema(description = "Service and Drools version that produced it") public String engineVersion;
        public String benefit;
        public String rulesetId;
        public String rulesetVersion;
        public String rulesetSha256;
        public LocalDate legalDate;
        @Schema(description = "Shared rulesets (e.g. dochod_rodziny) run before the benefit, with their hashes")
        public List<pl.ops.swiadczenia.decyzja.Evaluation.ModuleUse> modules;
        public pl.ops.swiadczenia.decyzja.Outcome outcome;
        public pl.ops.swiadczenia.decyzja.Amounts amounts;
        public java.util.Map<String, Object> keyFigures;
        public List<pl.ops.swiadczenia.decyzja.ExplanationStep> explanation;
        public List<String> firedRules;
    }

    /** OpenAPI shape of a page of decisions. */
    @Schema(name = "DecisionPage")
    public static class DecisionPage {
        public List<DecisionView> items;
        public int page;
        public int size;
        public long total;
        public long totalPages;
    }
}
