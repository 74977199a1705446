package pl.ops.swiadczenia.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pl.ops.swiadczenia.engine.TemplateRenderer;
import pl.ops.swiadczenia.ruleset.DisplayNames;
import pl.ops.swiadczenia.ruleset.PresentationNames;

/**
 * A decision as people read it, in Polish and in English: display names instead of codes, amounts as
 * {@code 1 406,60 zł}, months as {@code styczeń 2024}, persons as {@code dziecko (ur. 20.05.2007)}, each step with its
 * full citation and the values of law it used. Built from the stored decision (with citations written out) and the
 * stored request, with the formats of the explanation templates ({@link TemplateRenderer#format}); the API returns it
 * as {@code display}, the UI shows it and the printed document is made of it, so all three read the same.
 *
 * <p>A code without a display name is shown as {@code ?code?} and counted in {@code missingNames}: a test of every
 * golden case requires none.
 */
public final class DecisionView {
    private DecisionView() {
    }

    /** Units of parameters that are counts, and the template format that writes them ("5 lat", "12 miesięcy"). */
    private static final Map<String, String> UNIT_FORMATS = Map.of("lata", "lata", "miesiące", "miesiace", "dni", "dni",
            "tygodnie", "tygodnie", "osoby", "osoby");
    private static final String[] MONTHS_PL = {"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
        "sierpień", "wrzesień", "październik", "listopad", "grudzień"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    /** {@code {pl: {...}, en: {...}}} for a decision in the API's full form and its stored request. */
    public static ObjectNode of(JsonNode decision, JsonNode request, PresentationNames names, Descriptions describe) {
        ObjectNode out = CanonicalJson.MAPPER.createObjectNode();
        out.set("pl", language(decision, request, names, describe, true));
        out.set("en", language(decision, request, names, describe, false));
        return out;
    }

    /** The description of a parameter (its display name) in the rules of the decision, or null. */
    @FunctionalInterface
    public interface Descriptions {
        String of(String parameter, boolean pl);
    }

    private static ObjectNode language(JsonNode d, JsonNode request, PresentationNames names, Descriptions describe,
                                       boolean pl) {
        List<String> missing = new ArrayList<>();
        ObjectNode v = CanonicalJson.MAPPER.createObjectNode();
        v.put("benefit", name(names.benefits(), d.path("benefit").asText(), pl, missing));
        v.put("outcome", outcome(d.path("outcome").asText(), d.path("benefit").asText(), pl));
        v.put("legalDate", date(d.path("legalDate").asText(), pl));
        v.put("total", TemplateRenderer.format(d.at("/amounts/total").decimalValue(), "zl", pl, DisplayNames.EMPTY));

        Map<String, String> persons = new LinkedHashMap<>();
        ArrayNode people = v.putArray("persons");
        for (JsonNode c : request.at("/wniosek/czlonkowieRodziny")) {
            String role = name(names.roles(), c.path("rola").asText(), pl, missing);
            String born = c.path("dataUrodzenia").isTextual() ? date(c.path("dataUrodzenia").asText(), pl) : null;
            String shown = born == null ? role : role + (pl ? " (ur. " : " (born ") + born + ")";
            persons.put(c.path("id").asText(), shown);
            people.add(shown);
        }

        ArrayNode monthly = v.putArray("monthly");
        for (JsonNode m : d.at("/amounts/monthly")) {
            ObjectNode row = monthly.addObject();
            row.put("month", TemplateRenderer.format(YearMonth.parse(m.path("month").asText()), "miesiac", pl,
                    DisplayNames.EMPTY));
            row.put("total", money(m.path("total"), pl));
            ArrayNode items = row.putArray("items");
            for (JsonNode i : m.path("items")) {
                ObjectNode item = items.addObject();
                item.put("component", name(names.components(), i.path("component").asText(), pl, missing));
                item.put("person", i.path("childId").isNull() || i.path("childId").isMissingNode()
                        ? (pl ? "rodzina" : "family") : person(persons, i.path("childId").asText(), missing));
                item.put("amount", money(i.path("amount"), pl));
            }
        }

        ArrayNode figures = v.putArray("keyFigures");
        for (Iterator<Map.Entry<String, JsonNode>> it = d.path("keyFigures").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            ObjectNode row = figures.addObject();
            String key = f.getKey();
            PresentationNames.Name n = names.figures().get(key);
            String who = null;
            if (n == null) {
                // a per-person figure: "terminWniosku.d2", "kwotaSwiadczenia_d1"
                int cut = Math.max(key.indexOf('.'), key.indexOf('_'));
                if (cut > 0 && names.figures().containsKey(key.substring(0, cut))) {
                    n = names.figures().get(key.substring(0, cut));
                    who = person(persons, key.substring(cut + 1), missing);
                }
            }
            if (n == null) {
                missing.add(key);
                row.put("name", "?" + key + "?");
                row.put("value", f.getValue().asText());
                continue;
            }
            row.put("name", (pl ? n.pl() : n.en()) + (who == null ? "" : " – " + who));
            row.put("value", figure(f.getValue(), n.format(), pl));
        }

        ArrayNode steps = v.putArray("steps");
        for (JsonNode s : d.path("explanation")) {
            ObjectNode row = steps.addObject();
            row.put("text", s.path(pl ? "textPl" : "textEn").asText());
            JsonNode basis = s.path("legalBasis");
            row.put("citation", basis.isObject() ? basis.path(pl ? "text" : "textEn").asText() : null);
            ArrayNode params = row.putArray("parameters");
            for (JsonNode p : s.path("parameters")) {
                params.add(parameter(p, pl, describe, missing));
            }
        }
        ArrayNode miss = v.putArray("missingNames");
        missing.stream().distinct().forEach(miss::add);
        return v;
    }

    private static String outcome(String outcome, String benefit, boolean pl) {
        boolean certificate = benefit.startsWith("zaswiadczenie");
        return switch (outcome) {
            case "GRANTED" -> pl ? (certificate ? "wydano zaświadczenie" : "przyznano") : (certificate ? "certificate issued" : "granted");
            case "REFUSED" -> pl ? (certificate ? "odmowa wydania zaświadczenia" : "odmowa") : (certificate ? "certificate refused" : "refused");
            default -> pl ? "bez rozstrzygnięcia" : "not decided";
        };
    }

    private static String name(Map<String, PresentationNames.Name> names, String code, boolean pl, List<String> missing) {
        PresentationNames.Name n = names.get(code);
        if (n == null) {
            missing.add(code);
            return "?" + code + "?";
        }
        return pl ? n.pl() : n.en();
    }

    private static String person(Map<String, String> persons, String id, List<String> missing) {
        String p = persons.get(id);
        if (p == null) {
            missing.add(id);
            return "?" + id + "?";
        }
        return p;
    }

    private static String money(JsonNode n, boolean pl) {
        return TemplateRenderer.format(n.decimalValue(), "zl", pl, DisplayNames.EMPTY);
    }

    private static String date(String iso, boolean pl) {
        try {
            return TemplateRenderer.format(LocalDate.parse(iso), "data", pl, DisplayNames.EMPTY);
        } catch (RuntimeException e) {
            return iso;
        }
    }

    private static String figure(JsonNode value, String format, boolean pl) {
        if (value.isNull()) {
            return "—";
        }
        String fmt = format == null ? (value.isNumber() ? "liczba" : "tekst") : format;
        Object v;
        switch (fmt) {
            case "data" -> {
                return date(value.asText(), pl);
            }
            case "tekst" -> {
                return value.isBoolean() ? (value.asBoolean() ? (pl ? "tak" : "yes") : (pl ? "nie" : "no")) : value.asText();
            }
            default -> v = value.isNumber() ? value.decimalValue() : value.asText();
        }
        if (!(v instanceof BigDecimal) && !fmt.equals("tekst")) {
            return value.asText();
        }
        return TemplateRenderer.format(v, fmt, pl, DisplayNames.EMPTY);
    }

    /** "<opis wartości>: <wartość z jednostką> (<przepis>)" – description of the value, the value with its unit, citation. */
    private static String parameter(JsonNode p, boolean pl, Descriptions describe, List<String> missing) {
        String unit = p.path("unit").asText("");
        JsonNode value = p.path("value");
        String shown;
        if (value.isNumber() && unit.startsWith("PLN")) {
            shown = TemplateRenderer.format(value.decimalValue(), "zl", pl, DisplayNames.EMPTY)
                    + (unit.endsWith("/miesiąc") ? (pl ? " miesięcznie" : " a month") : unit.endsWith("/rok") ? (pl ? " rocznie" : " a year") : "");
        } else if (value.isNumber() && unit.equals("%")) {
            shown = TemplateRenderer.format(value.decimalValue(), "liczba", pl, DisplayNames.EMPTY) + "%";
        } else if (value.isNumber() && UNIT_FORMATS.containsKey(unit)) {
            shown = TemplateRenderer.format(value.decimalValue(), UNIT_FORMATS.get(unit), pl, DisplayNames.EMPTY);
        } else if (value.isInt() && unit.equals("miesiąc") && value.asInt() >= 1 && value.asInt() <= 12) {
            // a month of the year (the period starts in November): its name
            shown = (pl ? MONTHS_PL : MONTHS_EN)[value.asInt() - 1];
        } else if (value.isTextual() && unit.equals("data")) {
            shown = date(value.asText(), pl);
        } else if (value.isNumber()) {
            shown = TemplateRenderer.format(value.decimalValue(), "liczba", pl, DisplayNames.EMPTY)
                    + (unit.isEmpty() ? "" : " " + unit);
        } else if (value.isBoolean()) {
            shown = value.asBoolean() ? (pl ? "tak" : "yes") : (pl ? "nie" : "no");
        } else if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(x -> parts.add(x.asText()));
            shown = String.join(", ", parts);
        } else {
            shown = value.asText();
        }
        String what = describe.of(p.path("name").asText(), pl);
        if (what == null) {
            missing.add(p.path("name").asText());
            what = "?" + p.path("name").asText() + "?";
        }
        String basis = p.path("legalBasis").asText("");
        return what + ": " + shown + (basis.isEmpty() ? "" : " (" + basis + ")");
    }
}
