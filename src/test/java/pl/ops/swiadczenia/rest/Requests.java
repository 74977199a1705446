package pl.ops.swiadczenia.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import pl.ops.swiadczenia.golden.GoldenCase;
import pl.ops.swiadczenia.service.CanonicalJson;

/** Request bodies for API tests, taken from the golden cases (one source of truth for the input shape). */
final class Requests {
    private Requests() {
    }

    /** Worked example W2 (złotówka za złotówkę, 140,66 zł a month). */
    static ObjectNode w2() {
        return (ObjectNode) GoldenCase.load(Path.of("test-cases/zasilek_rodzinny/przyklady_z_praktyki.yaml")).stream()
                .filter(c -> c.name().startsWith("W2 "))
                .findFirst().orElseThrow().input().deepCopy();
    }

    static String json(JsonNode n) {
        return CanonicalJson.write(n);
    }
}
