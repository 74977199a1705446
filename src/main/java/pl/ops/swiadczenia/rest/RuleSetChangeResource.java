package pl.ops.swiadczenia.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.lifecycle.HistoryChanges;
import pl.ops.swiadczenia.lifecycle.RuleSetDiff;
import pl.ops.swiadczenia.lifecycle.RuleSets;
import pl.ops.swiadczenia.lifecycle.ValidationReport;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * Changing the law without a redeploy: validate a candidate version (a folder or uploaded files), diff two
 * versions, upload a draft, load new folders, publish a draft. Reports come as JSON, or as the same text the
 * terminal command prints when the client asks for {@code text/plain}.
 */
@Path("/api/v1/rulesets")
@jakarta.annotation.security.RolesAllowed(pl.ops.swiadczenia.security.Roles.POLICY)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ruleset changes", description = "Validate, diff, upload, scan and publish ruleset versions")
public class RuleSetChangeResource {
    @Inject
    RuleSets ruleSets;
    @Inject
    HistoryChanges histories;
    @Context
    HttpHeaders headers;
    @Inject
    pl.ops.swiadczenia.security.Caller caller;

    /**
     * Uploaded files. A version folder: file name → content. A dated history: relative path in rules/{benefit}/ →
     * content (null removes the file); {@code comment} says what the change is (recorded with the upload).
     */
    public record Upload(Map<String, String> files, String comment) {
    }

    /** An approval of the draft as reviewed: {@code contentSha256} (optional) must be the content now. */
    public record ApprovalRequest(String comment, String contentSha256) {
    }

    /** Who publishes and why. */
    public record PublishRequest(String publishedBy, String comment) {
    }

    @POST
    @Path("/{benefit}/{version}/validation")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Validate a candidate version",
            description = "Without a body: the folder rules/{benefit}/{version}. With {\"files\": {name: content}}: "
                    + "the uploaded files, as if they were that folder (nothing is stored). For a benefit written as one "
                    + "dated history, {version} is the date of the change and the files are relative paths in "
                    + "rules/{benefit}/ applied to the history (null removes a file). The report lists every "
                    + "problem with file and line, the golden cases run with the version in force and the temporal "
                    + "coverage; 'valid' says whether it can be published.")
    @APIResponse(responseCode = "200", description = "The validation report (valid or not)")
    public Response validate(@PathParam("benefit") String benefit, @PathParam("version") String version, String body) {
        LocalDate v = version(version);
        Upload upload = null;
        if (body != null && !body.isBlank()) {
            try {
                upload = pl.ops.swiadczenia.service.CanonicalJson.MAPPER.readValue(body, Upload.class);
            } catch (Exception e) {
                throw new InvalidRequestException(List.of(new FieldError("body",
                        "niepoprawna treść żądania: dozwolona pusta (walidacja folderu) albo "
                                + "{\"files\": {nazwa: treść}}")));
            }
        }
        Map<String, String> files = upload == null ? null : upload.files();
        ValidationReport report = histories.isHistory(benefit) ? histories.validate(benefit, v, files)
                : files == null ? ruleSets.validateFolder(benefit, v) : ruleSets.validateUpload(benefit, v, files);
        return Reports.respond(headers, report, report::toText);
    }

    @PUT
    @Path("/{benefit}/{version}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload a draft version",
            description = "Stores the files as the draft folder rules/{benefit}/{version} and loads it for what-if "
                    + "use, only if they validate; an existing draft is replaced atomically, a released version never. "
                    + "For a benefit written as one dated history: {\"files\": {relative path: content or null}, "
                    + "\"comment\"} = the changed files of rules/{benefit}/ (benefit.yaml, komunikaty.yaml, "
                    + "parametry/<name>.yaml, logika/<date>/<file>.drl …), applied and loaded only if the history "
                    + "validates with changes: {version} as a draft and every released state unchanged; a path outside "
                    + "the benefit, '..', an absolute path or an oversized file is a 400 naming the field.")
    @APIResponse(responseCode = "200", description = "Stored and loaded; the validation report")
    @APIResponse(responseCode = "409", description = "The version is released",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Does not validate: nothing stored; the report is in 'report'",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ValidationReport upload(@PathParam("benefit") String benefit, @PathParam("version") String version,
                                   Upload upload) {
        if (upload == null) {
            throw new InvalidRequestException(List.of(new FieldError("files",
                    "pole wymagane: {\"files\": {ścieżka pliku: treść}}")));
        }
        if (histories.isHistory(benefit)) {
            return histories.upload(benefit, version(version), upload.files(), caller.subject(), upload.comment());
        }
        return histories.uploadFolder(benefit, version(version), upload.files(), caller.subject(), upload.comment());
    }

    @POST
    @Path("/scan")
    @Operation(summary = "Load new or changed version folders",
            description = "Folders that validate are loaded (drafts for what-if use, released ones selectable); a "
                    + "changed draft that fails keeps its previous version; a changed released folder is refused.")
    public List<RuleSets.ScanEntry> scan() {
        List<RuleSets.ScanEntry> out = new ArrayList<>(ruleSets.scan());
        out.addAll(histories.scan());
        return out;
    }

    @GET
    @Path("/{benefit}/diff")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Differences between two versions of a benefit",
            description = "Parameters (old → new with citations), rules added / removed / changed, and the golden "
                    + "cases whose result differs under the two versions.")
    public Response diff(@PathParam("benefit") String benefit, @QueryParam("from") String from,
                         @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate f = Params.date("from", from, errors);
        LocalDate t = Params.date("to", to, errors);
        if (f == null && errors.stream().noneMatch(e -> e.field().equals("from"))) {
            errors.add(new FieldError("from", "pole wymagane: data w formacie RRRR-MM-DD"));
        }
        if (t == null && errors.stream().noneMatch(e -> e.field().equals("to"))) {
            errors.add(new FieldError("to", "pole wymagane: data w formacie RRRR-MM-DD"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        RuleSetDiff.Report report = ruleSets.diff(benefit, f, t);
        return Reports.respond(headers, report, report::toText);
    }

    @POST
    @Path("/{benefit}/{version}/publication")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft version",
            description = "Validates the draft, writes it as released, records who published it, when and its "
                    + "hash, and makes it selectable by date at once, while requests keep being served. A draft of a "
                    + "dated history needs an approval of its current content by someone other than its author; "
                    + "publication flips changes: {version} to status: released.")
    @APIResponse(responseCode = "201", description = "Published")
    @APIResponse(responseCode = "409", description = "Already released, or the folder changed since it was loaded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Does not validate: not published; the report is in 'report'",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response publish(@PathParam("benefit") String benefit, @PathParam("version") String version,
                            PublishRequest body) {
        LocalDate v = version(version);
        if (body != null && body.comment() != null && body.comment().length() > 2000) {
            throw new InvalidRequestException(List.of(new FieldError("comment",
                    "za długi tekst: dozwolone najwyżej 2000 znaków")));
        }
        // who publishes is the verified caller; a publishedBy in the body is kept only as a note of who asked
        String who = caller.subject();
        String note = body == null ? null : body.comment();
        if (body != null && body.publishedBy() != null && !body.publishedBy().isBlank() && !body.publishedBy().equals(who)) {
            note = (note == null ? "" : note + " ") + "(na prośbę / on behalf of: " + body.publishedBy().strip() + ")";
        }
        if (histories.isHistory(benefit)) {
            return Response.status(201).entity(histories.publish(benefit, v, who, note)).build();
        }
        return Response.status(201).entity(histories.publishFolder(benefit, v, who, note)).build();
    }

    @GET
    @Path("/{benefit}/{version}/draft")
    @Operation(summary = "A change of a dated history: draft, approvals and what changes on its date",
            description = "For a benefit written as one dated history (rules/{benefit}/benefit.yaml): the legal state "
                    + "starting on {version} (draft or released), the hash of the history's content that an approval "
                    + "names, who uploaded it and the files sent, the approvals of this content, the values (old → "
                    + "new, with citations) and rules that change on that date against the state in force the day "
                    + "before, the golden cases with another result, and every recorded step.")
    @APIResponse(responseCode = "200", description = "The change")
    @APIResponse(responseCode = "404", description = "No legal state of a dated history starts on that date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HistoryChanges.DraftView draft(@PathParam("benefit") String benefit, @PathParam("version") String version) {
        LocalDate v = version(version);
        if (!histories.isHistory(benefit)) {
            throw new jakarta.ws.rs.NotFoundException("Świadczenie " + benefit
                    + " nie jest zapisane jako datowana historia");
        }
        return histories.draft(benefit, v);
    }

    @POST
    @Path("/{benefit}/{version}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a draft (second person): of a dated history or a version folder",
            description = "Records that the verified caller approves the draft starting on {version} exactly as it "
                    + "is now (contentSha256 from GET …/draft, when given, must still match). The author of that "
                    + "content cannot approve it. A history draft is published only with such an approval; a new "
                    + "upload needs a new approval.")
    @APIResponse(responseCode = "201", description = "Approved")
    @APIResponse(responseCode = "409", description = "The caller uploaded this content, it changed since review, or "
            + "the date is released", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("benefit") String benefit, @PathParam("version") String version,
                            ApprovalRequest body) {
        LocalDate v = version(version);
        if (!histories.isHistory(benefit)) {
            return Response.status(201).entity(histories.approveFolder(benefit, v, caller.subject(),
                    body == null ? null : body.comment(), body == null ? null : body.contentSha256())).build();
        }
        return Response.status(201).entity(histories.approve(benefit, v, caller.subject(),
                body == null ? null : body.comment(), body == null ? null : body.contentSha256())).build();
    }

    @GET
    @Path("/changes")
    @Operation(summary = "The recorded steps of history changes: uploads (also refused), approvals, publications")
    @jakarta.annotation.security.RolesAllowed({pl.ops.swiadczenia.security.Roles.POLICY, pl.ops.swiadczenia.security.Roles.AUDITOR})
    public List<HistoryChanges.Step> changes(@QueryParam("benefit") String benefit, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) {
            throw new InvalidRequestException(List.of(new FieldError("limit", "od 1 do 1000")));
        }
        return histories.steps(benefit == null || benefit.isBlank() ? null : benefit, n);
    }

    @GET
    @Path("/publications")
    @Operation(summary = "Every publication: version, hash, who and when")
    @jakarta.annotation.security.RolesAllowed({pl.ops.swiadczenia.security.Roles.POLICY, pl.ops.swiadczenia.security.Roles.AUDITOR})
    public List<RuleSets.Publication> publications() {
        return ruleSets.publications();
    }

    private static LocalDate version(String version) {
        try {
            return LocalDate.parse(version);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new FieldError("version",
                    "niepoprawna wartość: oczekiwano daty w formacie RRRR-MM-DD, np. 2026-01-31")));
        }
    }
}
