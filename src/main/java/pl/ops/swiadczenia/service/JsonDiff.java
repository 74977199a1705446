package pl.ops.swiadczenia.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Field-by-field difference of two JSON trees, as JSON Pointer paths with both values. */
public final class JsonDiff {
    /** One differing field; a missing side is null. */
    public record Difference(String path, JsonNode stored, JsonNode replayed) {
    }

    private JsonDiff() {
    }

    public static List<Difference> diff(JsonNode a, JsonNode b) {
        List<Difference> out = new ArrayList<>();
        diff("", a, b, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a == null || b == null || a.getNodeType() != b.getNodeType()) {
            if (!(a == null && b == null)) {
                out.add(new Difference(path.isEmpty() ? "/" : path, a, b));
            }
            return;
        }
        if (a.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "/" + n.replace("~", "~0").replace("/", "~1"), a.get(n), b.get(n), out);
            }
        } else if (a.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                diff(path + "/" + i, a.get(i), b.get(i), out);
            }
        } else if (a.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) != 0
                || a.decimalValue().scale() != b.decimalValue().scale() : !a.equals(b)) {
            out.add(new Difference(path.isEmpty() ? "/" : path, a, b));
        }
    }

}
