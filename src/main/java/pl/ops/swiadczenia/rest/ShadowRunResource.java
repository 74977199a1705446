package pl.ops.swiadczenia.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import pl.ops.swiadczenia.lifecycle.ShadowRuns;
import pl.ops.swiadczenia.security.Roles;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/** Shadow runs of approved drafts beside live decisions: how many would differ once the new law applies. */
@Path("/api/v1/shadow-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.POLICY, Roles.AUDITOR})
@Tag(name = "Shadow runs", description = "Approved drafts evaluated beside live decisions (policy staff, auditors)")
public class ShadowRunResource {
    private static final Pattern BENEFIT = Pattern.compile("[a-z][a-z0-9_]{1,63}");

    @Inject
    ShadowRuns shadows;

    @GET
    @Operation(summary = "Shadow reports: per approved draft, decisions evaluated beside it, same, different, failed",
            description = "While a draft is approved by a second person and not yet published, every decision stored "
                    + "for its benefit is also evaluated under it (not stored as a decision). One report per draft "
                    + "content: counts, the sum of the differences of the totals and up to 20 decisions that differ.")
    public List<ShadowRuns.Report> reports(@QueryParam("benefit") String benefit) {
        if (benefit != null && !BENEFIT.matcher(benefit).matches()) {
            throw new InvalidRequestException(List.of(new FieldError("benefit", "niepoprawna wartość: oczekiwano "
                    + "identyfikatora świadczenia (małe litery, cyfry i _), np. zasilek_rodzinny")));
        }
        return shadows.reports(benefit);
    }
}
