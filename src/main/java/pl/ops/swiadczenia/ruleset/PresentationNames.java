package pl.ops.swiadczenia.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Display names of what a decision shows besides its explanation: benefits, amount components, key figures and roles
 * ({@code rules/wspolne/nazwy.yaml}). Presentation only: they do not decide anything and are not hashed, so a better
 * name shows at once in every decision, old ones included.
 */
public record PresentationNames(Map<String, Name> benefits, Map<String, Name> components, Map<String, Name> figures,
                                Map<String, Name> roles) {
    public static final String FILE = "wspolne/nazwy.yaml";
    public static final PresentationNames EMPTY = new PresentationNames(Map.of(), Map.of(), Map.of(), Map.of());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A display name in Polish and English and, for key figures, the format of the value (as in templates). */
    public record Name(String pl, String en, String format) {
    }

    /** Reads {@code <rules root>/wspolne/nazwy.yaml}; no file: no names. */
    public static PresentationNames load(Path rulesRoot) {
        Path f = rulesRoot.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return EMPTY;
        }
        try {
            JsonNode root = YAML.readTree(f.toFile());
            return new PresentationNames(section(root, "swiadczenia"), section(root, "skladniki"), section(root, "wartosci"),
                    section(root, "role"));
        } catch (IOException e) {
            throw new RuleSetException(f + ": nazwy wyświetlane nieczytelne: " + e.getMessage());
        }
    }

    private static Map<String, Name> section(JsonNode root, String name) {
        Map<String, Name> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path(name).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            out.put(e.getKey(), new Name(v.path("pl").asText(null), v.path("en").asText(null),
                    v.path("format").asText(null)));
        }
        return Map.copyOf(out);
    }
}
