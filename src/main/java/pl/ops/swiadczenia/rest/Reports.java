package pl.ops.swiadczenia.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;

/** Reports (validation, diff, chain verification) as JSON, or as the terminal's text when the client prefers it. */
final class Reports {
    private Reports() {
    }

    static Response respond(HttpHeaders headers, Object report, Supplier<String> text) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        boolean plain = !acceptable.isEmpty() && !acceptable.get(0).isWildcardType()
                && acceptable.get(0).isCompatible(MediaType.TEXT_PLAIN_TYPE);
        return plain ? Response.ok(text.get(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build()
                : Response.ok(report).build();
    }
}
