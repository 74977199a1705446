package pl.ops.swiadczenia.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import pl.ops.swiadczenia.fuzz.FuzzCase.Category;
import pl.ops.swiadczenia.fuzz.RequestSchema.Field;
import pl.ops.swiadczenia.fuzz.RequestSchema.Kind;

/**
 * Generates requests for every benefit from the published request schema and the worked examples
 * ({@code test-cases/}): most change one to three fields of a worked example that is decided as it is — with a valid
 * value, so that the request still reaches the rules, or with a hostile one (another JSON type, beyond a bound, a bad
 * date or code, a lone surrogate, a PESEL-like run of digits, an unknown field) — and some are hostile as a whole
 * body (empty, truncated, 5 000 levels deep, duplicate keys, 10 000 family members, over the size limit) or built at
 * random from the schema alone. What is chosen where is drawn through QuickTheories, so a seed gives the same cases.
 */
final class RequestCases {
    static final String DECISIONS = "/api/v1/decisions";
    static final String EVALUATIONS = "/api/v1/evaluations";
    static final String JSON_TYPE = "application/json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonMapper WRITER = JsonMapper.builder().nodeFactory(NODES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);
    /** Characters of ids and valid free text (what the service accepts in an id or a case reference). */
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZąćęłńóśźżĄĆĘŁŃÓŚŹŻ0123456789_.-";
    private static final String TEXT_CHARS = ID_CHARS + " /:#()";
    /** The service's own bounds on every number, whatever the schema says (RequestJson: defence in depth). */
    private static final BigDecimal MAX_DECIMAL = new BigDecimal("1000000000");
    private static final long MAX_INTEGER = 1_000_000;

    /** Share (of 100) of each category; the rest of the code decides what each means for a given field. */
    private static final Map<Category, Integer> WEIGHTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Category.IN_RANGE, 37), Map.entry(Category.DUPLICATE_ITEM, 3), Map.entry(Category.NULL_OR_ABSENT, 6), Map.entry(Category.EXTREME, 6),
            Map.entry(Category.WRONG_TYPE, 10), Map.entry(Category.OUT_OF_BOUNDS, 9), Map.entry(Category.BAD_DATE, 5),
            Map.entry(Category.BAD_ENUM, 3), Map.entry(Category.BAD_TEXT, 5), Map.entry(Category.LONG_TEXT, 2),
            Map.entry(Category.UNKNOWN_FIELD, 4), Map.entry(Category.HOSTILE_BODY, 5), Map.entry(Category.HUGE_ARRAY, 1),
            Map.entry(Category.RANDOM_BODY, 4)));

    private final Field request;
    private final Map<String, List<ObjectNode>> seeds;
    private final List<String> benefits;

    /**
     * @param schema   the published schema
     * @param seeds    per benefit, requests that are decided as they are
     * @param benefits every benefit id the service knows (for a valid value of {@code benefit})
     */
    RequestCases(RequestSchema schema, Map<String, List<ObjectNode>> seeds, List<String> benefits) {
        this.request = schema.component("DecisionRequest");
        this.seeds = seeds;
        this.benefits = List.copyOf(benefits);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no worked example to start from");
        }
    }

    /** All cases: a QuickTheories generator, so that a seed gives the same sequence. */
    Gen<FuzzCase> cases() {
        return in -> next(new Draw(in));
    }

    // ---- one case ----

    private FuzzCase next(Draw d) {
        Category category = d.weighted(WEIGHTS);
        String endpoint = d.chance(65) ? DECISIONS : EVALUATIONS;
        if (category == Category.RANDOM_BODY) {
            ObjectNode body = NODES.objectNode();
            request.properties().forEach((name, f) -> body.set(name, randomValue(d, f, 1)));
            body.put("benefit", d.pick(benefits));
            return new FuzzCase(category, "(random)", endpoint, JSON_TYPE, write(body), "random request",
                    Set.of(), Set.of(), false);
        }
        String benefit = d.pick(List.copyOf(seeds.keySet()));
        ObjectNode seed = d.pick(seeds.get(benefit)).deepCopy();
        List<Target> targets = new ArrayList<>();
        collect(seed, request, List.of(), targets);
        // a category that fits none of this example's fields: a valid change instead
        for (Category c : List.of(category, Category.IN_RANGE)) {
            for (int attempt = 0; attempt < 20; attempt++) {
                Optional<FuzzCase> made = mutate(d, c, benefit, endpoint, seed, targets);
                if (made.isPresent()) {
                    return made.get();
                }
            }
        }
        return lenient(Category.IN_RANGE, benefit, endpoint, seed, "unchanged");
    }

    private Optional<FuzzCase> mutate(Draw d, Category category, String benefit, String endpoint, ObjectNode seed,
                                      List<Target> targets) {
        ObjectNode root = seed.deepCopy();
        return switch (category) {
            case IN_RANGE -> inRange(d, benefit, endpoint, root, targets);
            case NULL_OR_ABSENT -> pick(d, targets, t -> t.present() && !t.path().isEmpty()).map(t -> {
                boolean remove = d.chance(50);
                set(root, t.path(), remove ? null : NODES.nullNode());
                return lenient(category, benefit, endpoint, root, path(t.path()) + (remove ? " left out" : " = null"));
            });
            case EXTREME -> pick(d, targets, t -> t.is(Kind.NUMBER, Kind.INTEGER)).flatMap(t -> extreme(d, t))
                    .map(v -> changed(category, benefit, endpoint, root, v, false));
            case WRONG_TYPE -> pick(d, targets, t -> t.kind() != Kind.UNKNOWN && !t.path().isEmpty())
                    .map(t -> changed(category, benefit, endpoint, root, new Change(t, wrongType(d, t)), true));
            case OUT_OF_BOUNDS -> pick(d, targets, t -> t.is(Kind.NUMBER, Kind.INTEGER, Kind.STRING, Kind.ARRAY))
                    .flatMap(t -> outOfBounds(d, t)).map(v -> changed(category, benefit, endpoint, root, v, true));
            case BAD_DATE -> pick(d, targets, t -> t.is(Kind.DATE))
                    .map(t -> changed(category, benefit, endpoint, root, new Change(t, text(badDate(d, t))), true));
            case BAD_ENUM -> pick(d, targets, t -> t.is(Kind.ENUM))
                    .map(t -> changed(category, benefit, endpoint, root, new Change(t, text(badCode(d, t))), true));
            case BAD_TEXT -> pick(d, targets, t -> t.is(Kind.STRING, Kind.ENUM, Kind.DATE))
                    .map(t -> changed(category, benefit, endpoint, root, new Change(t, badText(d, t)), true));
            case LONG_TEXT -> pick(d, targets, t -> t.is(Kind.STRING)).map(t -> longText(d, t))
                    .map(v -> changed(category, benefit, endpoint, root, v, tooLong(v.target().schema(), v.value().asText())));
            case UNKNOWN_FIELD -> pick(d, targets, t -> t.present() && t.value().isObject()).map(t -> {
                String name = "nieznanePole" + d.text(ID_CHARS.substring(0, 26), 1, 6);
                ObjectNode o = t.path().isEmpty() ? root : (ObjectNode) resolve(root, t.path());
                o.set(name, d.pick(List.of(NODES.numberNode(1), NODES.textNode("x"), NODES.booleanNode(true),
                        NODES.nullNode(), NODES.objectNode())));
                String field = t.path().isEmpty() ? name : path(t.path()) + "." + name;
                return strict(category, benefit, endpoint, JSON_TYPE, write(root), field + " added", Set.of(400),
                        Set.of(field), false);
            });
            case HOSTILE_BODY -> Optional.of(hostileBody(d, benefit, endpoint, root, targets));
            case HUGE_ARRAY -> pick(d, targets, t -> t.present() && t.value().isArray() && !t.value().isEmpty())
                    .map(t -> hugeArray(d, benefit, endpoint, root, t));
            case DUPLICATE_ITEM -> pick(d, targets, t -> t.present() && t.value().isArray() && !t.value().isEmpty()
                    && !t.name().equals("czlonkowieRodziny"))
                    .map(t -> {
                        ArrayNode a = ((ArrayNode) t.value()).deepCopy();
                        int times = d.between(1, 3);
                        JsonNode item = a.get(d.between(0, a.size() - 1));
                        for (int i = 0; i < times; i++) {
                            a.add(item.deepCopy());
                        }
                        set(root, t.path(), a);
                        return lenient(Category.DUPLICATE_ITEM, benefit, endpoint, root,
                                path(t.path()) + ": an item repeated " + times + " time(s)");
                    });
            case RANDOM_BODY -> Optional.empty();
        };
    }

    // ---- valid values ----

    private Optional<FuzzCase> inRange(Draw d, String benefit, String endpoint, ObjectNode root, List<Target> targets) {
        List<String> what = new ArrayList<>();
        if (d.chance(10)) {
            // one more family member: a copy of someone other than the applicant, with an id of its own
            Optional<Target> members = pick(d, targets, x -> x.name().equals("czlonkowieRodziny") && x.kind() == Kind.ARRAY
                    && x.present());
            JsonNode more = members.map(m -> addMember(d, m, (ArrayNode) m.value().deepCopy())).orElse(null);
            if (more != null) {
                set(root, members.get().path(), more);
                return Optional.of(lenient(Category.IN_RANGE, benefit, endpoint, root,
                        "wniosek.czlonkowieRodziny + " + describe(more.get(more.size() - 1))));
            }
        }
        int fields = d.weighted(Map.of(1, 60, 2, 25, 3, 15));
        for (int i = 0; i < fields; i++) {
            Optional<Target> t = pick(d, targets, x -> !x.path().isEmpty() && x.leaf() && x.kind() != Kind.UNKNOWN);
            if (t.isEmpty() || resolve(root, t.get().path()) == null && t.get().present()) {
                continue;   // an earlier change removed it
            }
            Target now = t.get().at(resolve(root, t.get().path()));
            JsonNode value = validValue(d, now, root);
            if (value == null) {
                continue;
            }
            if (now.name().equals("id") && now.present() && value.isTextual()) {
                renameReferences(root, now.value().asText(), value.asText());
            }
            set(root, now.path(), value);
            what.add(path(now.path()) + " = " + describe(value));
        }
        if (what.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(lenient(Category.IN_RANGE, benefit, endpoint, root, String.join("; ", what)));
    }

    /** A value the schema allows for a field that is not an object or array; null when there is none to give. */
    private JsonNode validValue(Draw d, Target t, ObjectNode root) {
        Field f = t.schema();
        JsonNode v = t.value();
        return switch (t.kind()) {
            case BOOLEAN -> NODES.booleanNode(d.chance(50));
            case ENUM -> {
                List<String> values = new ArrayList<>(f.enumValues());
                if (t.name().equals("rola")) {
                    // exactly one applicant (a documented rule of the contract): the applicant keeps the role, nobody
                    // else takes it
                    if (v != null && "WNIOSKODAWCA".equals(v.asText())) {
                        yield null;
                    }
                    values.remove("WNIOSKODAWCA");
                }
                yield values.isEmpty() ? null : NODES.textNode(d.pick(values));
            }
            case DATE -> NODES.textNode(validDate(d, v, root).toString());
            case NUMBER -> NODES.numberNode(validDecimal(d, f, v == null || !v.isNumber() ? null : v.decimalValue()));
            case INTEGER -> NODES.numberNode(validInteger(d, f, v == null || !v.canConvertToLong() ? null : v.longValue()));
            case STRING -> validText(d, t, root).map(s -> (JsonNode) NODES.textNode(s)).orElse(null);
            case ARRAY, OBJECT, UNKNOWN -> null;
        };
    }

    /**
     * A decimal within the schema's bounds (or, without them, between 0 and twice the example's value plus 100), of
     * the example's precision: mostly around the example's value, sometimes anywhere in range or at a bound.
     */
    private static BigDecimal validDecimal(Draw d, Field f, BigDecimal base) {
        int scale = base == null ? 2 : Math.min(6, Math.max(0, base.scale()));   // the example's own precision
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal lo = f.minimum().map(b -> b.exclusive() ? b.value().add(step) : b.value()).orElse(BigDecimal.ZERO);
        BigDecimal b0 = base == null ? BigDecimal.valueOf(d.between(0, 1000)) : base;
        BigDecimal hi = f.maximum().map(b -> b.exclusive() ? b.value().subtract(step) : b.value())
                .orElse(b0.abs().multiply(BigDecimal.valueOf(2)).add(BigDecimal.valueOf(100)));
        hi = hi.min(MAX_DECIMAL.subtract(step));
        lo = lo.max(MAX_DECIMAL.negate().add(step));
        BigDecimal v = switch (d.weighted(Map.of(0, 50, 1, 25, 2, 15, 3, 10))) {
            case 0 -> b0.multiply(BigDecimal.valueOf(d.between(50, 150), 2));                  // around the example
            case 1 -> lo.add(hi.subtract(lo).multiply(BigDecimal.valueOf(d.between(0, 10_000), 4)));   // anywhere
            case 2 -> d.chance(50) ? lo : hi;                                                     // at a bound
            default -> b0.add(step.multiply(BigDecimal.valueOf(d.between(-1, 1))));
        };
        v = v.setScale(scale, RoundingMode.HALF_UP);
        return v.max(lo.setScale(scale, RoundingMode.CEILING)).min(hi.setScale(scale, RoundingMode.FLOOR));
    }

    /** A whole number within the schema's bounds (or near the example's value), like {@link #validDecimal}. */
    private static long validInteger(Draw d, Field f, Long base) {
        long b0 = base == null ? d.between(0, 12) : base;
        long lo = f.minimum().map(b -> ceil(b.value()) + (b.exclusive() && isWhole(b.value()) ? 1 : 0)).orElse(Math.min(0, b0));
        long hi = f.maximum().map(b -> floor(b.value()) - (b.exclusive() && isWhole(b.value()) ? 1 : 0))
                .orElse(Math.max(12, Math.abs(b0) * 2));
        lo = Math.max(lo, -MAX_INTEGER);
        hi = Math.min(hi, MAX_INTEGER);
        if (hi < lo) {
            return b0;
        }
        long v = switch (d.weighted(Map.of(0, 60, 1, 25, 2, 15))) {
            case 0 -> b0 + d.between(-3, 3);
            case 1 -> d.longBetween(lo, hi);
            default -> d.chance(50) ? lo : hi;
        };
        return Math.max(lo, Math.min(hi, v));
    }

    /** A date near the example's own (or its legal date), mostly within a month and a half, within 1900–2100. */
    private static LocalDate validDate(Draw d, JsonNode v, ObjectNode root) {
        LocalDate base = date(v).or(() -> date(root.get("legalDate"))).orElse(LocalDate.of(2020, 1, 1));
        int spread = d.chance(70) ? 45 : 800;
        LocalDate x = base.plusDays(d.between(-spread, spread));
        return x.isBefore(MIN_DATE) ? MIN_DATE : x.isAfter(MAX_DATE) ? MAX_DATE : x;
    }

    private Optional<String> validText(Draw d, Target t, ObjectNode root) {
        String name = t.name();
        if (name.equals("benefit")) {
            return Optional.of(d.pick(benefits));
        }
        if (name.equals("pesel")) {
            JsonNode person = resolve(root, t.path().subList(0, t.path().size() - 1));
            LocalDate born = date(person == null ? null : person.get("dataUrodzenia"))
                    .orElse(LocalDate.of(d.between(1950, 2020), d.between(1, 12), d.between(1, 28)));
            return Optional.of(pesel(d, born));
        }
        List<String> ids = memberIds(root);
        if (t.reference() && !ids.isEmpty() && d.chance(80)) {
            return Optional.of(d.pick(ids));
        }
        Field f = t.schema();
        int min = Math.max(f.minLength().orElse(1), 0);
        int max = Math.max(min, f.maxLength().orElse(name.equals("id") ? 20 : 40));
        Pattern p = f.pattern().orElse(null);
        for (int attempt = 0; attempt < 20; attempt++) {
            String s = d.text(name.equals("id") || t.reference() ? ID_CHARS : TEXT_CHARS, min, Math.max(min, Math.min(max, 200)));
            if (p == null || p.matcher(s).matches()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The family with a copy of one of its members other than the applicant, under a new id (no PESEL). */
    private static JsonNode addMember(Draw d, Target t, ArrayNode members) {
        List<JsonNode> others = new ArrayList<>();
        members.forEach(m -> {
            if (m.isObject() && !"WNIOSKODAWCA".equals(m.path("rola").asText())) {
                others.add(m);
            }
        });
        if (others.isEmpty() || members.size() >= t.schema().maxItems().orElse(30)) {
            return null;
        }
        ObjectNode copy = d.pick(others).deepCopy();
        copy.put("id", copy.path("id").asText("osoba") + "_" + d.text("abcdefgh", 3, 3));
        copy.remove("pesel");
        members.add(copy);
        return members;
    }

    // ---- values outside the schema ----

    private JsonNode wrongType(Draw d, Target t) {
        List<JsonNode> options = switch (t.kind()) {
            case NUMBER -> List.of(NODES.textNode("1200.50"), NODES.booleanNode(true), NODES.objectNode(),
                    NODES.arrayNode().add(1), NODES.textNode("dużo"));
            case INTEGER -> List.of(NODES.numberNode(new BigDecimal("1.5")), NODES.textNode("7"), NODES.booleanNode(false),
                    NODES.objectNode(), NODES.arrayNode(), raw("1E2"));
            case STRING, ENUM -> List.of(NODES.numberNode(123), NODES.numberNode(new BigDecimal("1.5")),
                    NODES.booleanNode(true), NODES.objectNode(), NODES.arrayNode().add("x"));
            case DATE -> List.of(NODES.numberNode(20200101), NODES.booleanNode(true), NODES.objectNode(),
                    NODES.arrayNode().add(2020).add(1).add(1), NODES.arrayNode().add("2020-01-01"));
            case BOOLEAN -> List.of(NODES.textNode("true"), NODES.textNode("false"), NODES.numberNode(0),
                    NODES.numberNode(1), NODES.textNode("tak"), NODES.objectNode(), NODES.arrayNode().add(true));
            case OBJECT -> List.of(NODES.arrayNode(), NODES.textNode("{}"), NODES.numberNode(1), NODES.booleanNode(true),
                    NODES.arrayNode().add(t.value() == null ? NODES.objectNode() : t.value()));
            case ARRAY -> List.of(NODES.objectNode(), NODES.textNode("[]"), NODES.numberNode(1), NODES.booleanNode(true),
                    t.value() != null && t.value().isArray() && !t.value().isEmpty() ? t.value().get(0) : NODES.objectNode());
            case UNKNOWN -> List.of(NODES.nullNode());
        };
        return d.pick(options);
    }

    /** A number beyond a bound of the schema or beyond the service's own bounds; a text or array beyond its size. */
    private Optional<Change> outOfBounds(Draw d, Target t) {
        Field f = t.schema();
        List<JsonNode> options = new ArrayList<>();
        switch (t.kind()) {
            case NUMBER -> {
                f.minimum().ifPresent(b -> options.add(NODES.numberNode(b.exclusive() ? b.value()
                        : b.value().subtract(new BigDecimal("0.01")))));
                f.maximum().ifPresent(b -> options.add(NODES.numberNode(b.exclusive() ? b.value()
                        : b.value().add(new BigDecimal("0.01")))));
                options.addAll(List.of(raw("1E+30"), raw("-1E+30"), raw("1000000000"), raw("-1000000000"),
                        raw("2147483647"), raw("0.0000001"), raw("123.1234567"), raw("1E+400"),
                        raw("1" + "0".repeat(d.between(20, 400)))));
            }
            case INTEGER -> {
                f.minimum().ifPresent(b -> options.add(NODES.numberNode(ceil(b.value()) - (b.exclusive() ? 0 : 1))));
                f.maximum().ifPresent(b -> options.add(NODES.numberNode(floor(b.value()) + (b.exclusive() ? 0 : 1))));
                options.addAll(List.of(raw("2147483647"), raw("-2147483648"), raw("1000001"), raw("-1000001"),
                        raw("9223372036854775807"), raw("1" + "0".repeat(d.between(20, 400)))));
            }
            case STRING -> {
                f.maxLength().ifPresent(max -> options.add(NODES.textNode(d.text(ID_CHARS.substring(0, 26), max + 1,
                        max + 1 + d.between(0, 50)))));
                f.minLength().ifPresent(min -> {
                    if (min > 0) {
                        options.add(NODES.textNode(d.text(ID_CHARS.substring(0, 26), 0, min - 1)));
                    }
                });
            }
            case ARRAY -> {
                if (t.present() && t.value().isArray() && !t.value().isEmpty()) {
                    f.maxItems().ifPresent(max -> {
                        if (max < 1000) {
                            options.add(repeat(t.value().get(0), max + 1));
                        }
                    });
                }
                f.minItems().ifPresent(min -> {
                    if (min > 0) {
                        options.add(NODES.arrayNode());
                    }
                });
            }
            default -> {
            }
        }
        return options.isEmpty() ? Optional.empty() : Optional.of(new Change(t, d.pick(options)));
    }

    /** A number the schema allows but a household rarely has: at a declared bound, zero, negative, huge, fine-grained. */
    private Optional<Change> extreme(Draw d, Target t) {
        Field f = t.schema();
        List<BigDecimal> options = new ArrayList<>();
        f.minimum().filter(b -> !b.exclusive()).ifPresent(b -> options.add(b.value()));
        f.maximum().filter(b -> !b.exclusive()).ifPresent(b -> options.add(b.value()));
        List<String> candidates = t.kind() == Kind.INTEGER
                ? List.of("-1", "0", "1", "1000000", "-1000000", "999999")
                : List.of("-1", "0", "0.000001", "-0.01", "999999999.99", "999999999.999999", "-999999999.99", "0.01");
        for (String c : candidates) {
            BigDecimal v = new BigDecimal(c);
            if (within(f, v)) {
                options.add(v);
            }
        }
        if (options.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal v = d.pick(options);
        return Optional.of(new Change(t, t.kind() == Kind.INTEGER ? NODES.numberNode(v.longValueExact()) : NODES.numberNode(v)));
    }

    private String badDate(Draw d, Target t) {
        String base = date(t.value()).orElse(LocalDate.of(2020, 3, 1)).toString();
        return d.pick(List.of("1899-12-31", "2101-01-01", "0000-00-00", "9999-12-31", " " + base, base + " ",
                base + "T00:00:00Z", base + "T12:00", base.substring(0, 4) + "-3-5", "2021-02-29", "2020-02-30", "2020-13-01",
                base.replace("-", ""), base.replace('-', '/'), "01.03.2020", "", "+" + base, "-" + base, "٢٠٢٠-٠١-٠١"));
    }

    private String badCode(Draw d, Target t) {
        String valid = t.schema().enumValues().isEmpty() ? "X" : d.pick(t.schema().enumValues());
        return d.pick(List.of("", valid.toLowerCase(java.util.Locale.ROOT), valid + " ", " " + valid, "NIEZNANA",
                valid + "_X", valid.charAt(0) + valid.substring(1).toLowerCase(java.util.Locale.ROOT)));
    }

    /** A text the service never accepts: an unpaired surrogate, or (outside {@code pesel}) a run of 11 digits. */
    private JsonNode badText(Draw d, Target t) {
        List<JsonNode> options = new ArrayList<>(List.of(raw("\"abc\\ud800def\""), raw("\"\\udc00\\ud800\""),
                raw("\"x\\udfff\"")));
        if (!t.name().equals("pesel")) {
            String prefix = d.text(ID_CHARS.substring(0, 26), 0, 6);
            options.addAll(List.of(NODES.textNode(prefix + digits(d, "0123456789", 11)),
                    NODES.textNode(prefix + " " + digits(d, "٠١٢٣٤٥٦٧٨٩", 11 + d.between(0, 5))),
                    NODES.textNode(digits(d, "۰۱۲۳۴۵۶۷۸۹", 11)),
                    NODES.textNode(digits(d, "०१२३४५६७८९", 11) + prefix),
                    NODES.textNode(digits(d, "０１２３４５６７８９", 11)),
                    NODES.textNode(digits(d, "0123456789", 6) + digits(d, "٠١٢٣٤٥٦٧٨٩", 5))));
        }
        return d.pick(options);
    }

    private Change longText(Draw d, Target t) {
        String value = d.pick(List.of("A".repeat(100_000), "ż".repeat(d.between(101, 5_000)),
                "<script>alert(1)</script>", "'; DROP TABLE decision; --", "\u0000\u0007\u001b[2J", "a\nb\tc",
                "\u202eodwrócony", "😀".repeat(60)));
        return new Change(t, NODES.textNode(value));
    }

    // ---- hostile bodies ----

    private FuzzCase hostileBody(Draw d, String benefit, String endpoint, ObjectNode root, List<Target> targets) {
        String body = write(root);
        Set<Integer> badRequest = Set.of(400);
        Set<String> whole = Set.of("$");
        return switch (d.between(0, 8)) {
            case 0 -> {
                String b = d.pick(List.of("", " ", "\n", "null", "[]", "42", "\"tekst\"", "true", "{", "}", "[{}]"));
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, b, "body " + quote(b), badRequest, whole, false);
            }
            case 1 -> {
                int cut = d.between(1, body.length() - 2);
                // the error may name the body or the field being read when it ended
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, body.substring(0, cut),
                        "body cut after " + cut + " of " + body.length() + " characters", badRequest, Set.of(), false);
            }
            case 2 -> {
                String tail = d.pick(List.of(" {}", "x", "]", ",", " null", "{\"benefit\":\"x\"}"));
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, body + tail,
                        "trailing " + quote(tail), badRequest, whole, false);
            }
            case 3 -> {
                // 5 000 levels of nesting where one value should be
                Target t = pick(d, targets, x -> !x.path().isEmpty()).orElseThrow();
                int depth = 5_000;
                String nested = d.chance(50) ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
                set(root, t.path(), raw(nested));
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, write(root),
                        path(t.path()) + " nested " + depth + " levels deep", badRequest, withAncestors(t.path()), true);
            }
            case 4 -> {
                // one key twice in an object
                Target t = pick(d, targets, x -> x.present() && x.value().isObject() && !x.value().isEmpty()).orElseThrow();
                ObjectNode o = (ObjectNode) t.value();
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String key = d.pick(names);
                String json = write(o);
                String dup = json.substring(0, json.length() - 1) + ",\"" + key + "\":" + write(o.get(key)) + "}";
                set(root, t.path(), raw(dup));
                String where = t.path().isEmpty() ? key : path(t.path()) + "." + key;
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, t.path().isEmpty() ? dup : write(root),
                        where + " twice", badRequest, withAncestors(append(t.path(), key)), true);
            }
            case 5 -> {
                // JSON that is not JSON: non-numbers, comments, single quotes
                Target t = pick(d, targets, x -> !x.path().isEmpty() && x.present()).orElseThrow();
                String v = d.pick(List.of("NaN", "Infinity", "-Infinity", "/* c */ 1", "'x'", "undefined", "0x10", "01"));
                set(root, t.path(), raw(v));
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, write(root), path(t.path()) + " = " + v,
                        badRequest, withAncestors(t.path()), true);
            }
            case 6 -> {
                String type = d.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded"));
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, type, body, "Content-Type " + type,
                        Set.of(400, 415), Set.of(), false);
            }
            case 7 -> {
                root.put("caseReference", "A".repeat(1_100_000));
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, write(root), "body over 1 MB",
                        Set.of(400, 413), Set.of("$", "caseReference"), false);
            }
            default -> {
                // the whole body or the application as another JSON type
                boolean wholeBody = d.chance(50);
                String b = wholeBody ? "[" + body + "]" : write(root.set("wniosek", NODES.arrayNode().add(root.get("wniosek"))));
                yield strict(Category.HOSTILE_BODY, benefit, endpoint, JSON_TYPE, b,
                        wholeBody ? "body inside an array" : "wniosek inside an array", badRequest,
                        Set.of(wholeBody ? "$" : "wniosek"), false);
            }
        };
    }

    private FuzzCase hugeArray(Draw d, String benefit, String endpoint, ObjectNode root, Target t) {
        boolean members = t.name().equals("czlonkowieRodziny");
        int n = 10_000;
        ArrayNode a = NODES.arrayNode();
        a.addAll((ArrayNode) t.value());
        JsonNode item = t.value().get(t.value().size() - 1);
        for (int i = a.size(); i < n; i++) {
            JsonNode copy = item.deepCopy();
            if (copy.isObject() && copy.has("id")) {
                ((ObjectNode) copy).put("id", "osoba" + i);
                ((ObjectNode) copy).remove("pesel");
                if ("WNIOSKODAWCA".equals(copy.path("rola").asText())) {
                    ((ObjectNode) copy).put("rola", "DZIECKO");
                }
            }
            a.add(copy);
        }
        set(root, t.path(), a);
        boolean bounded = members || t.schema().maxItems().isPresent();
        String description = path(t.path()) + " with " + n + " items";
        return bounded
                ? strict(Category.HUGE_ARRAY, benefit, endpoint, JSON_TYPE, write(root), description, Set.of(400, 413),
                        Set.of(path(t.path()), "$"), false)
                : lenient(Category.HUGE_ARRAY, benefit, endpoint, root, description);
    }

    // ---- a request built from the schema alone ----

    private JsonNode randomValue(Draw d, Field f, int depth) {
        if (d.chance(3)) {
            return NODES.nullNode();
        }
        return switch (f.kind()) {
            case OBJECT -> {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    for (Map.Entry<String, Field> p : f.properties().entrySet()) {
                        if (d.chance(f.required().contains(p.getKey()) ? 90 : depth == 0 ? 80 : 25)) {
                            o.set(p.getKey(), randomValue(d, p.getValue(), depth + 1));
                        }
                    }
                }
                yield o;
            }
            case ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int n = depth < 4 ? d.between(0, 4) : 0;
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(d, f.items(), depth + 1));
                }
                yield a;
            }
            case STRING -> NODES.textNode(d.text(TEXT_CHARS, 0, 12));
            case DATE -> NODES.textNode(LocalDate.of(d.between(1940, 2030), d.between(1, 12), d.between(1, 28)).toString());
            case ENUM -> NODES.textNode(f.enumValues().isEmpty() ? "X" : d.pick(f.enumValues()));
            case NUMBER -> NODES.numberNode(BigDecimal.valueOf(d.between(0, 1_000_000), 2));
            case INTEGER -> NODES.numberNode(d.between(0, 100));
            case BOOLEAN -> NODES.booleanNode(d.chance(50));
            case UNKNOWN -> NODES.textNode("?");
        };
    }

    // ---- building cases ----

    /** One field changed. */
    private record Change(Target target, JsonNode value) {
    }

    private FuzzCase changed(Category category, String benefit, String endpoint, ObjectNode root, Change c, boolean mustReject) {
        set(root, c.target().path(), c.value());
        String description = path(c.target().path()) + " = " + describe(c.value());
        return mustReject
                ? strict(category, benefit, endpoint, JSON_TYPE, write(root), description, Set.of(400),
                        Set.of(path(c.target().path())), false)
                : lenient(category, benefit, endpoint, root, description);
    }

    private static FuzzCase lenient(Category category, String benefit, String endpoint, ObjectNode root, String description) {
        return new FuzzCase(category, benefit, endpoint, JSON_TYPE, write(root), description, Set.of(), Set.of(), false);
    }

    private static FuzzCase strict(Category category, String benefit, String endpoint, String contentType, String body,
                                   String description, Set<Integer> statuses, Set<String> fields, boolean prefix) {
        return new FuzzCase(category, benefit, endpoint, contentType, body, description, statuses, fields, prefix);
    }

    // ---- the request tree ----

    /** A field of the request: where it is, its schema, and its value in the example ({@code null} when absent). */
    private record Target(List<Object> path, Field schema, JsonNode value) {
        boolean present() {
            return value != null;
        }

        Kind kind() {
            return schema.kind();
        }

        boolean is(Kind... kinds) {
            return List.of(kinds).contains(kind());
        }

        boolean leaf() {
            return kind() != Kind.OBJECT && kind() != Kind.ARRAY;
        }

        /** The field's name; for an array item, the array's name. */
        String name() {
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i) instanceof String s) {
                    return s;
                }
            }
            return "$";
        }

        /** Whether the text names a family member (…Id fields and lists of ids). */
        boolean reference() {
            return name().endsWith("Id") || !path.isEmpty() && path.get(path.size() - 1) instanceof Integer;
        }

        Target at(JsonNode current) {
            return new Target(path, schema, current);
        }
    }

    private static void collect(JsonNode node, Field f, List<Object> path, List<Target> out) {
        if (path.isEmpty()) {
            out.add(new Target(path, f, node));
        }
        if (f.kind() == Kind.OBJECT && node.isObject()) {
            for (Map.Entry<String, Field> p : f.properties().entrySet()) {
                List<Object> at = append(path, p.getKey());
                JsonNode v = node.get(p.getKey());
                out.add(new Target(at, p.getValue(), v));
                if (v != null) {
                    collect(v, p.getValue(), at, out);
                }
            }
        } else if (f.kind() == Kind.ARRAY && node.isArray()) {
            Field items = f.items();
            for (int i = 0; i < node.size(); i++) {
                List<Object> at = append(path, i);
                out.add(new Target(at, items, node.get(i)));
                collect(node.get(i), items, at, out);
            }
        }
    }

    /** A field of the example fitting the category: three times as often one that is present as one that is not. */
    private static Optional<Target> pick(Draw d, List<Target> targets, java.util.function.Predicate<Target> fits) {
        List<Target> present = new ArrayList<>();
        List<Target> absent = new ArrayList<>();
        for (Target t : targets) {
            if (fits.test(t)) {
                (t.present() ? present : absent).add(t);
            }
        }
        if (present.isEmpty() && absent.isEmpty()) {
            return Optional.empty();
        }
        boolean fromPresent = absent.isEmpty() || !present.isEmpty() && d.chance(75);
        return Optional.of(d.pick(fromPresent ? present : absent));
    }

    /**
     * For a body the parser cannot read: the error may name the whole body, the field, or the object or array the
     * parser was in when it stopped.
     */
    private static Set<String> withAncestors(List<Object> path) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i <= path.size(); i++) {
            names.add(path(path.subList(0, i)));
        }
        return Set.copyOf(names);
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> p = new ArrayList<>(path);
        p.add(step);
        return List.copyOf(p);
    }

    /** The path as the service names fields: {@code wniosek.czlonkowieRodziny[0].id}; {@code $} for the body. */
    static String path(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(step);
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    private static JsonNode resolve(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object step : path) {
            if (n == null) {
                return null;
            }
            n = step instanceof Integer i ? (n.isArray() ? n.get(i) : null) : (n.isObject() ? n.get((String) step) : null);
        }
        return n;
    }

    /** Sets (or, for {@code null}, removes) the value at a path; a path no longer there is left alone. */
    private static void set(ObjectNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return;
        }
        JsonNode parent = resolve(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o && last instanceof String s) {
            if (value == null) {
                o.remove(s);
            } else {
                o.set(s, value);
            }
        } else if (parent instanceof ArrayNode a && last instanceof Integer i && i < a.size()) {
            if (value == null) {
                a.remove(i);
            } else {
                a.set(i, value);
            }
        }
    }

    private static List<String> memberIds(JsonNode root) {
        List<String> ids = new ArrayList<>();
        root.at("/wniosek/czlonkowieRodziny").forEach(m -> {
            if (m.path("id").isTextual()) {
                ids.add(m.get("id").asText());
            }
        });
        return ids;
    }

    /** A person's new id, also wherever the application refers to the person (…Id fields, lists of ids). */
    private static void renameReferences(JsonNode n, String from, String to) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().endsWith("Id") && e.getValue().isTextual() && e.getValue().asText().equals(from)) {
                    e.setValue(NODES.textNode(to));
                } else {
                    renameReferences(e.getValue(), from, to);
                }
            }
        } else if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual() && a.get(i).asText().equals(from)) {
                    a.set(i, NODES.textNode(to));
                } else {
                    renameReferences(a.get(i), from, to);
                }
            }
        }
    }

    // ---- small helpers ----

    static String write(JsonNode n) {
        try {
            return WRITER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode raw(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    private static JsonNode text(String s) {
        return NODES.textNode(s);
    }

    private static ArrayNode repeat(JsonNode item, int n) {
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < n; i++) {
            a.add(item.deepCopy());
        }
        return a;
    }

    private static String describe(JsonNode v) {
        String s = write(v);
        return s.length() > 80 ? s.substring(0, 60) + "…(" + s.length() + " characters)" : s;
    }

    private static String quote(String s) {
        return "'" + s.replace("\n", "\\n") + "'";
    }

    private static Optional<LocalDate> date(JsonNode v) {
        if (v == null || !v.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a text is beyond the declared maxLength however it is counted: in characters as JSON Schema does, in
     * UTF-16 units as Bean Validation does (60 emoji are 60 of the one and 120 of the other).
     */
    private static boolean tooLong(Field f, String s) {
        return f.maxLength().isPresent() && s.codePointCount(0, s.length()) > f.maxLength().getAsInt();
    }

    private static boolean within(Field f, BigDecimal v) {
        boolean aboveMin = f.minimum().map(b -> b.exclusive() ? v.compareTo(b.value()) > 0 : v.compareTo(b.value()) >= 0).orElse(true);
        boolean belowMax = f.maximum().map(b -> b.exclusive() ? v.compareTo(b.value()) < 0 : v.compareTo(b.value()) <= 0).orElse(true);
        return aboveMin && belowMax;
    }

    private static boolean isWhole(BigDecimal v) {
        return v.stripTrailingZeros().scale() <= 0;
    }

    private static long ceil(BigDecimal v) {
        return v.setScale(0, RoundingMode.CEILING).longValue();
    }

    private static long floor(BigDecimal v) {
        return v.setScale(0, RoundingMode.FLOOR).longValue();
    }

    private static String digits(Draw d, String script, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(script.codePointAt(script.offsetByCodePoints(0, d.between(0, script.codePointCount(0, script.length()) - 1))));
        }
        return sb.toString();
    }

    /** A valid PESEL for a birth date (century in the month, check digit of the statute). */
    static String pesel(Draw d, LocalDate born) {
        int century = born.getYear() / 100;
        int monthOffset = switch (century) {
            case 18 -> 80;
            case 20 -> 20;
            case 21 -> 40;
            case 22 -> 60;
            default -> 0;
        };
        String ten = String.format("%02d%02d%02d%04d", born.getYear() % 100, born.getMonthValue() + monthOffset,
                born.getDayOfMonth(), d.between(0, 9999));
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += w[i] * (ten.charAt(i) - '0');
        }
        return ten + (10 - sum % 10) % 10;
    }

    /** Choices drawn from QuickTheories' source of randomness (so a seed repeats them). */
    static final class Draw {
        private final RandomnessSource in;

        Draw(RandomnessSource in) {
            this.in = in;
        }

        int between(int lo, int hi) {
            return Generate.range(lo, hi).generate(in);
        }

        long longBetween(long lo, long hi) {
            return Generate.longRange(lo, hi).generate(in);
        }

        boolean chance(int percent) {
            return between(1, 100) <= percent;
        }

        <T> T pick(List<T> options) {
            return options.get(between(0, options.size() - 1));
        }

        /** A key drawn with the given weights. */
        <T> T weighted(Map<T, Integer> weights) {
            List<T> keys = new ArrayList<>(new LinkedHashSet<>(weights.keySet()));
            keys.sort(java.util.Comparator.comparing(String::valueOf));   // a fixed order: the same seed, the same case
            int total = keys.stream().mapToInt(weights::get).sum();
            int roll = between(1, total);
            for (T k : keys) {
                roll -= weights.get(k);
                if (roll <= 0) {
                    return k;
                }
            }
            return keys.get(keys.size() - 1);
        }

        /** Text of {@code min}–{@code max} characters of the alphabet, never with more than four digits in a row. */
        String text(String alphabet, int min, int max) {
            int n = between(min, max);
            StringBuilder sb = new StringBuilder();
            int run = 0;
            for (int i = 0; i < n; i++) {
                char c = alphabet.charAt(between(0, alphabet.length() - 1));
                run = Character.isDigit(c) ? run + 1 : 0;
                if (run > 4) {
                    c = 'x';
                    run = 0;
                }
                sb.append(c);
            }
            return sb.toString();
        }
    }
}
