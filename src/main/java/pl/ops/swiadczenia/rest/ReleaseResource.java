package pl.ops.swiadczenia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.lifecycle.Releases;
import pl.ops.swiadczenia.security.Roles;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * The releases recorded in the database (docs/adr/0017-releases-in-the-database.md): every content of the rules the
 * service loaded, who recorded it, when and why, and its files — the rules a stored decision was made under.
 */
@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.POLICY})
@Tag(name = "Releases", description = "Content-addressed snapshots of the rules kept in the database (auditors, policy staff)")
public class ReleaseResource {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]{0,299}");

    @Inject
    Releases releases;

    /** A release with the list of its files (path → SHA-256 of the bytes). */
    public record Detail(Releases.Info release, Map<String, String> files) {
    }

    @GET
    @Operation(summary = "Recorded releases, newest first",
            description = "Each: id (SHA-256 of the content), when, by whom and why it was recorded, file count, "
                    + "fact-model fingerprint.")
    public Releases.Page list(@QueryParam("page") String page, @QueryParam("size") String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = Params.integer("page", page, 0, 0, 1_000_000, errors);
        int s = Params.integer("size", size, 20, 1, 100, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return releases.list(p, s);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One release and its files")
    public Detail get(@PathParam("id") String id) {
        check(id);
        Releases.Info info = releases.info(id).orElseThrow(() -> new NotFoundException("Brak wydania " + id));
        return new Detail(info, releases.fileHashes(id).orElseThrow());
    }

    @GET
    @Path("/{id}/file")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @Operation(summary = "One file of a release, as it was (e.g. path=zasilek_rodzinny/parametry/kryterium_dochodowe.yaml)")
    public Response file(@PathParam("id") String id, @QueryParam("path") String path) {
        check(id);
        if (path == null || !PATH.matcher(path).matches() || path.contains("..")) {
            throw new InvalidRequestException(List.of(new FieldError("path",
                    "wymagana ścieżka względna w katalogu reguł: litery, cyfry, _ . / - (bez „..”), "
                    + "np. zasilek_rodzinny/parametry/kryterium_dochodowe.yaml")));
        }
        byte[] b = releases.file(id, path)
                .orElseThrow(() -> new NotFoundException("Brak pliku " + path + " w wydaniu " + id));
        return Response.ok(b, MediaType.TEXT_PLAIN + ";charset=utf-8").build();
    }

    private static void check(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("id",
                    "niepoprawna wartość: oczekiwano identyfikatora wydania – 64 cyfr szesnastkowych (0-9, a-f)")));
        }
    }
}
