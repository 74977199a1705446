package pl.ops.swiadczenia.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The request schema as the service publishes it (OpenAPI 3.0 or 3.1, {@code GET /q/openapi?format=json}): each field
 * of a request resolved to its type and, where the document declares them, its bounds ({@code minimum},
 * {@code maximum}, exclusive bounds, {@code minLength}, {@code maxLength}, {@code pattern}, {@code minItems},
 * {@code maxItems}, {@code enum}, {@code format: date}). Every bound is optional: without it the generator falls back
 * to values around the worked example's own.
 */
final class RequestSchema {
    /** The JSON shape of a field. */
    enum Kind { OBJECT, ARRAY, STRING, DATE, ENUM, NUMBER, INTEGER, BOOLEAN, UNKNOWN }

    private final JsonNode schemas;

    private RequestSchema(JsonNode schemas) {
        this.schemas = schemas;
    }

    /** Reads the component schemas of an OpenAPI document. */
    static RequestSchema of(JsonNode openApi) {
        JsonNode s = openApi.at("/components/schemas");
        if (!s.isObject() || s.isEmpty()) {
            throw new IllegalArgumentException("the OpenAPI document has no component schemas");
        }
        return new RequestSchema(s);
    }

    /** The named component schema (e.g. {@code DecisionRequest}). */
    Field component(String name) {
        JsonNode n = schemas.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no schema " + name + " in the OpenAPI document");
        }
        return new Field(resolve(n, 0));
    }

    /** Resolves $ref (keeping sibling keywords, which win), allOf (merged) and anyOf/oneOf (the first non-null one). */
    private JsonNode resolve(JsonNode n, int depth) {
        if (depth > 20 || n == null || !n.isObject()) {
            return n == null ? JsonNodeFactory.instance.objectNode() : n;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (n.has("$ref")) {
            String ref = n.get("$ref").asText();
            JsonNode target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target != null) {
                out.setAll((ObjectNode) resolve(target, depth + 1));
            }
        }
        for (JsonNode part : n.path("allOf")) {
            out.setAll((ObjectNode) resolve(part, depth + 1));
        }
        for (String alt : List.of("anyOf", "oneOf")) {
            for (JsonNode part : n.path(alt)) {
                if (!"null".equals(part.path("type").asText())) {
                    out.setAll((ObjectNode) resolve(part, depth + 1));
                    break;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!List.of("$ref", "allOf", "anyOf", "oneOf").contains(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** One field's schema, resolved. */
    final class Field {
        private final JsonNode node;

        private Field(JsonNode node) {
            this.node = node;
        }

        Kind kind() {
            if (node.path("enum").isArray() && !node.path("enum").isEmpty()) {
                return Kind.ENUM;
            }
            String type = type();
            if (type == null) {
                if (node.has("properties")) {
                    return Kind.OBJECT;
                }
                return node.has("items") ? Kind.ARRAY : Kind.UNKNOWN;
            }
            return switch (type) {
                case "object" -> Kind.OBJECT;
                case "array" -> Kind.ARRAY;
                case "string" -> "date".equals(node.path("format").asText()) ? Kind.DATE : Kind.STRING;
                case "number" -> Kind.NUMBER;
                case "integer" -> Kind.INTEGER;
                case "boolean" -> Kind.BOOLEAN;
                default -> Kind.UNKNOWN;
            };
        }

        /** The declared type; in OpenAPI 3.1 a list such as ["number", "null"] gives its first non-null entry. */
        private String type() {
            JsonNode t = node.get("type");
            if (t == null) {
                return null;
            }
            if (t.isArray()) {
                for (JsonNode x : t) {
                    if (!"null".equals(x.asText())) {
                        return x.asText();
                    }
                }
                return null;
            }
            return t.asText();
        }

        /** Properties of an object, in document order. */
        Map<String, Field> properties() {
            Map<String, Field> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), new Field(resolve(e.getValue(), 0)));
            }
            return m;
        }

        Optional<Field> property(String name) {
            JsonNode p = node.path("properties").get(name);
            return p == null ? Optional.empty() : Optional.of(new Field(resolve(p, 0)));
        }

        Set<String> required() {
            Set<String> r = new LinkedHashSet<>();
            node.path("required").forEach(x -> r.add(x.asText()));
            return r;
        }

        Field items() {
            return new Field(resolve(node.path("items"), 0));
        }

        List<String> enumValues() {
            List<String> v = new ArrayList<>();
            node.path("enum").forEach(x -> {
                if (!x.isNull()) {
                    v.add(x.asText());
                }
            });
            return v;
        }

        /** The lowest allowed value, if declared, with whether it is itself excluded. */
        Optional<Bound> minimum() {
            return bound("minimum", "exclusiveMinimum");
        }

        Optional<Bound> maximum() {
            return bound("maximum", "exclusiveMaximum");
        }

        private Optional<Bound> bound(String inclusive, String exclusive) {
            JsonNode ex = node.get(exclusive);
            if (ex != null && ex.isNumber()) {
                // OpenAPI 3.1: the exclusive bound is a number of its own
                return Optional.of(new Bound(ex.decimalValue(), true));
            }
            BigDecimal v = decimal(node.get(inclusive));
            if (v == null) {
                return Optional.empty();
            }
            // OpenAPI 3.0: exclusiveMinimum/exclusiveMaximum are booleans qualifying minimum/maximum
            return Optional.of(new Bound(v, ex != null && ex.asBoolean(false)));
        }

        OptionalInt minLength() {
            return integer("minLength");
        }

        OptionalInt maxLength() {
            return integer("maxLength");
        }

        OptionalInt minItems() {
            return integer("minItems");
        }

        OptionalInt maxItems() {
            return integer("maxItems");
        }

        /** The declared pattern (matched against the whole value, as Bean Validation's @Pattern does). */
        Optional<Pattern> pattern() {
            JsonNode p = node.get("pattern");
            if (p == null || !p.isTextual()) {
                return Optional.empty();
            }
            try {
                return Optional.of(Pattern.compile(p.asText()));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        }

        private OptionalInt integer(String keyword) {
            JsonNode v = node.get(keyword);
            return v != null && v.canConvertToInt() ? OptionalInt.of(v.asInt()) : OptionalInt.empty();
        }

        @Override
        public String toString() {
            return kind() + " " + node;
        }
    }

    /** A numeric bound; {@code exclusive} when the value itself is not allowed. */
    record Bound(BigDecimal value, boolean exclusive) {
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        try {
            return new BigDecimal(n.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
