package pl.ops.swiadczenia.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import pl.ops.swiadczenia.service.FieldError;

/** RFC 9457 problem details ({@code application/problem+json}); {@code errors} names each bad field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; for 400 the errors list names each bad field")
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }

    public static Problem of(Response.Status s, String type, String detail) {
        return new Problem("https://ops-swiadczenia.example/problems/" + type, s.getReasonPhrase(), s.getStatusCode(),
                detail, null);
    }
}
