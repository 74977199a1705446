package pl.ops.swiadczenia.engine;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pl.ops.swiadczenia.fakty.CzlonekRodziny;
import pl.ops.swiadczenia.decyzja.LegalCitation;
import pl.ops.swiadczenia.fakty.Parametr;
import pl.ops.swiadczenia.ruleset.DisplayNames;

/**
 * Fills explanation templates after an evaluation, from the values of the rule's match: placeholders
 * {@code {name.path:format}} name a bound variable (without {@code $}) or a fact the consequence inserted (its type
 * name with a lower-case first letter), then getters, then an optional format. Text reads as a caseworker writes:
 * {@code 1 406,60 zł}, {@code 12 miesięcy}, {@code 1 dzień}, {@code 20.05.2007}, display names for codes.
 *
 * <p>Formats: {@code zl} (money), {@code zl/kWh}, {@code liczba}, {@code miesiace}, {@code dni}, {@code lata},
 * {@code osoby}, {@code tygodnie}, {@code data}, {@code miesiac} (month and year), {@code proc} (percent),
 * {@code nazwa} (display name of a code), {@code osoba} (a family member as "dziecko (ur. 20.05.2007)").
 * Without a format: money-like decimals as numbers, dates as dates, codes by their display name.
 */
public final class TemplateRenderer {

    private static final String[] MONTHS_PL = {"styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec",
            "sierpień", "wrzesień", "październik", "listopad", "grudzień"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    /**
     * Getters by class and property. Keyed by the class itself, not its name: facts declared in DRL are generated once
     * per compile unit, so the states of a benefit with several logic folders hold different classes of the same name.
     */
    private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private TemplateRenderer() {
    }

    /**
     * What templates may refer to beyond the match: display names of codes, the citations of the rules (format
     * {@code przepisy}) and the parameters in force ({@code {parametr.<name>}}).
     */
    public record Context(DisplayNames names, Map<String, LegalCitation> citations, Map<String, Parametr> parameters) {
    }

    /** A rendered text and the values its placeholders used (by placeholder path), for the structured form. */
    public record Rendered(String text, Map<String, Object> values) {
    }

    /**
     * Renders {@code template} in Polish ({@code pl}) or English from the match values; a placeholder that cannot be
     * resolved throws, so a wrong template fails its golden case instead of printing a hole.
     */
    public static Rendered render(String template, boolean pl, Map<String, Object> scope, Context ctx) {
        return render(template, pl, true, scope, ctx);
    }

    /**
     * As {@link #render(String, boolean, Map, Context)}; {@code withValues}: whether to collect the values used (the
     * structured form needs them once per step, from the Polish text).
     */
    public static Rendered render(String template, boolean pl, boolean withValues, Map<String, Object> scope,
                                  Context ctx) {
        Segment[] segments = parsed(template);
        StringBuilder out = new StringBuilder(template.length() * 2 + 32);
        Map<String, Object> used = withValues ? new LinkedHashMap<>() : Map.of();
        for (Segment seg : segments) {
            if (seg.path() == null) {
                out.append(seg.text());
                continue;
            }
            Object v = value(seg, scope, ctx);
            if (withValues) {
                used.put(seg.path(), structured(v));
            }
            if ("przepisy".equals(seg.text())) {
                out.append(citations(v, ctx, pl));
            } else {
                out.append(pl ? formatPl(v, seg.text(), ctx.names()) : formatEn(v, seg.text(), ctx.names()));
            }
        }
        return new Rendered(out.toString().replace('\u00a0', ' '), used);
    }

    /** The value a placeholder names: a parameter in force ({@code parametr.<name>}) or a path in the match. */
    private static Object value(Segment seg, Map<String, Object> scope, Context ctx) {
        if (seg.parameter() == null) {
            return resolve(seg.parts(), scope);
        }
        Parametr p = ctx.parameters().get(seg.parameter());
        if (p == null) {
            throw new EngineException("template: no parameter '" + seg.parameter() + "' in force");
        }
        return p.wartosc();
    }

    /** The values a template's placeholders name (the structured form of a step), without writing its text. */
    public static Map<String, Object> values(String template, Map<String, Object> scope, Context ctx) {
        Map<String, Object> used = new LinkedHashMap<>();
        for (Segment seg : parsed(template)) {
            if (seg.path() == null) {
                continue;
            }
            Object v = value(seg, scope, ctx);
            used.put(seg.path(), structured(v));
        }
        return used;
    }

    /**
     * A piece of a parsed template: literal text ({@code path} null), or a placeholder with its path, the path split
     * at dots, the parameter name for {@code parametr.<name>} and its format (in {@code text}; null: by type).
     */
    private record Segment(String text, String path, String[] parts, String parameter) {
    }

    /** Templates parsed once: they are few (bounded by the rules loaded) and rendered on every evaluation. */
    private static final Map<String, Segment[]> PARSED = new ConcurrentHashMap<>();
    private static final int PARSED_MAX = 50_000;

    private static Segment[] parsed(String template) {
        Segment[] s = PARSED.get(template);
        if (s == null) {
            s = parse(template);
            if (PARSED.size() >= PARSED_MAX) {
                PARSED.clear(); // drafts validated over months must not grow it without bound
            }
            PARSED.put(template, s);
        }
        return s;
    }

    private static Segment[] parse(String template) {
        List<Segment> out = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                out.add(new Segment(template.substring(i), null, null, null));
                break;
            }
            if (open > i) {
                out.add(new Segment(template.substring(i, open), null, null, null));
            }
            int end = template.indexOf('}', open);
            if (end < 0) {
                throw new EngineException("template: unclosed '{' in \"" + template + "\"");
            }
            String ph = template.substring(open + 1, end);
            int colon = ph.indexOf(':');
            String path = colon < 0 ? ph : ph.substring(0, colon);
            String fmt = colon < 0 ? null : ph.substring(colon + 1);
            String parameter = path.startsWith("parametr.") ? path.substring("parametr.".length()) : null;
            out.add(new Segment(fmt, path, path.split("\\."), parameter));
            i = end + 1;
        }
        return out.toArray(new Segment[0]);
    }

    /**
     * A name with placeholders, e.g. the key figure {@code "terminWniosku.{dziecko.id}"}, filled with the raw values
     * of the rule's match (no format; a family member by its id). Used for per-person key figures, so a strict rule
     * does not build the name in its consequence.
     */
    public static String fillName(String name, Map<String, Object> scope) {
        StringBuilder out = new StringBuilder(name.length() + 16);
        int i = 0;
        while (i < name.length()) {
            int open = name.indexOf('{', i);
            if (open < 0) {
                out.append(name, i, name.length());
                break;
            }
            int end = name.indexOf('}', open);
            if (end < 0) {
                throw new EngineException("key figure: unclosed '{' in \"" + name + "\"");
            }
            out.append(name, i, open);
            Object v = structured(resolve(name.substring(open + 1, end), scope));
            out.append(v);
            i = end + 1;
        }
        return out.toString();
    }

    /** Rule ids (one or a collection) as the full citations of those rules, sorted and without repeats. */
    private static String citations(Object v, Context ctx, boolean pl) {
        java.util.TreeSet<String> texts = new java.util.TreeSet<>();
        Collection<?> ids = v instanceof Collection<?> c ? c : List.of(v);
        for (Object id : ids) {
            LegalCitation c = ctx.citations().get(String.valueOf(id));
            if (c == null) {
                throw new EngineException("template: '" + id + "' is not a rule of this legal state (format przepisy)");
            }
            texts.add(pl ? c.text() : c.textEn());
        }
        return String.join("; ", texts);
    }

    private static Object structured(Object v) {
        if (v instanceof CzlonekRodziny c) {
            return c.getId();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Collection<?> col) {
            List<Object> l = new ArrayList<>();
            col.forEach(x -> l.add(structured(x)));
            return l;
        }
        return v instanceof BigDecimal || v instanceof Number || v instanceof Boolean || v == null ? v : v.toString();
    }

    static Object resolve(String path, Map<String, Object> scope) {
        return resolve(path.split("\\."), scope);
    }

    private static Object resolve(String[] parts, Map<String, Object> scope) {
        Object v = scope.get(parts[0]);
        if (v == null && !scope.containsKey(parts[0])) {
            throw new EngineException("template: '" + parts[0] + "' is neither a bound variable of the rule nor a fact it inserted "
                    + scope.keySet());
        }
        for (int k = 1; k < parts.length && v != null; k++) {
            v = property(v, parts[k]);
        }
        return v;
    }

    private static Object property(Object o, String name) {
        Class<?> type = o.getClass();
        Map<String, Method> getters = GETTERS.get(type);
        Method m = getters.get(name);
        if (m == null) {
            m = getters.computeIfAbsent(name, k -> getter(type, name));
        }
        try {
            return m.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new EngineException("template: cannot read " + type.getName() + "#" + name + ": " + e);
        }
    }

    private static Method getter(Class<?> type, String name) {
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String g : new String[] {"get" + cap, "is" + cap, name}) {
            try {
                Method x = type.getMethod(g);
                x.setAccessible(true);
                return x;
            } catch (NoSuchMethodException | RuntimeException ignored) {
                // next form
            }
        }
        throw new EngineException("template: " + type.getSimpleName() + " has no property '" + name + "'");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * One value written as a caseworker writes it, in Polish or English, by a named format of the templates
     * ({@code zl}, {@code liczba}, {@code proc}, {@code miesiace}, {@code data}, {@code miesiac}, {@code nazwa}, …; null:
     * by the value's type). The decision view and the printed document use it, so they read like the explanations.
     */
    public static String format(Object v, String fmt, boolean pl, DisplayNames names) {
        return pl ? formatPl(v, fmt, names) : formatEn(v, fmt, names);
    }

    static String formatPl(Object v, String fmt, DisplayNames names) {
        if (v == null) {
            return "—";
        }
        if (fmt == null) {
            fmt = defaultFormat(v);
        }
        switch (fmt) {
            case "zl":
                return grouped(money(v), '\u00a0', ',') + " zł"; // non-breaking in the decision view; a space in explanations
            case "zl/kWh":
                return plainPl(decimal(v)) + " zł/kWh";
            case "liczba":
                return plainPl(decimal(v));
            case "proc":
                return plainPl(percent(v)) + "%";
            case "miesiace":
                return count(v, "miesiąc", "miesiące", "miesięcy");
            case "dni":
                return count(v, "dzień", "dni", "dni");
            case "lata":
                return count(v, "rok", "lata", "lat");
            case "osoby":
                return count(v, "osoba", "osoby", "osób");
            case "tygodnie":
                return count(v, "tydzień", "tygodnie", "tygodni");
            case "data":
                return datePl((LocalDate) v);
            case "miesiac":
                YearMonth ym = (YearMonth) v;
                return MONTHS_PL[ym.getMonthValue() - 1] + " " + ym.getYear();
            case "osoba":
                return personPl((CzlonekRodziny) v, names);
            case "nazwa":
                return name(v, names.pl());
            case "lista":
                return listPl((Collection<?>) v, names);
            case "swieto":
                return holiday((LocalDate) v, names.pl());
            case "tekst":
                return String.valueOf(v);
            default:
                throw new EngineException("template: unknown format '" + fmt + "'");
        }
    }

    private static String holiday(LocalDate d, java.util.Map<String, String> names) {
        return name(String.format(Locale.ROOT, "swieto.%02d-%02d", d.getMonthValue(), d.getDayOfMonth()), names);
    }

    static String formatEn(Object v, String fmt, DisplayNames names) {
        if (v == null) {
            return "—";
        }
        if (fmt == null) {
            fmt = defaultFormat(v);
        }
        switch (fmt) {
            case "zl":
                return "PLN " + grouped(money(v), ',', '.');
            case "zl/kWh":
                return "PLN " + decimal(v).stripTrailingZeros().toPlainString() + "/kWh";
            case "liczba":
                return decimal(v).toPlainString();
            case "proc":
                return percent(v).toPlainString() + "%";
            case "miesiace":
                return countEn(v, "month");
            case "dni":
                return countEn(v, "day");
            case "lata":
                return countEn(v, "year");
            case "osoby":
                return countEn(v, "person", "persons");
            case "tygodnie":
                return countEn(v, "week");
            case "data":
                LocalDate d = (LocalDate) v;
                return d.getDayOfMonth() + " " + MONTHS_EN[d.getMonthValue() - 1] + " " + d.getYear();
            case "miesiac":
                YearMonth ym = (YearMonth) v;
                return MONTHS_EN[ym.getMonthValue() - 1] + " " + ym.getYear();
            case "osoba":
                CzlonekRodziny c = (CzlonekRodziny) v;
                return name(c.getRola(), names.en()) + " (born " + formatEn(c.getDataUrodzenia(), "data", names) + ")";
            case "nazwa":
                return name(v, names.en());
            case "lista":
                List<String> parts = new ArrayList<>();
                ((Collection<?>) v).forEach(x -> parts.add(formatEn(x, null, names)));
                return join(parts, " and ");
            case "swieto":
                return holiday((LocalDate) v, names.en());
            case "tekst":
                return String.valueOf(v);
            default:
                throw new EngineException("template: unknown format '" + fmt + "'");
        }
    }

    private static String defaultFormat(Object v) {
        if (v instanceof LocalDate) {
            return "data";
        }
        if (v instanceof YearMonth) {
            return "miesiac";
        }
        if (v instanceof Enum<?>) {
            return "nazwa";
        }
        if (v instanceof CzlonekRodziny) {
            return "osoba";
        }
        if (v instanceof Collection<?>) {
            return "lista";
        }
        if (v instanceof BigDecimal || v instanceof Number) {
            return "liczba";
        }
        return "tekst";
    }

    private static String personPl(CzlonekRodziny c, DisplayNames names) {
        return name(c.getRola(), names.pl()) + " (ur. " + datePl(c.getDataUrodzenia()) + ")";
    }

    private static String listPl(Collection<?> v, DisplayNames names) {
        List<String> parts = new ArrayList<>();
        v.forEach(x -> parts.add(formatPl(x, null, names)));
        return join(parts, " i ");
    }

    private static String join(List<String> parts, String last) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + last + parts.get(parts.size() - 1);
    }

    static String datePl(LocalDate d) {
        StringBuilder b = new StringBuilder(10);
        two(b, d.getDayOfMonth()).append('.');
        two(b, d.getMonthValue()).append('.');
        return b.append(d.getYear()).toString();
    }

    private static StringBuilder two(StringBuilder b, int n) {
        return (n < 10 ? b.append('0') : b).append(n);
    }

    /** A decimal with its digits grouped by three: {@code 1 234 567,89} (Polish) or {@code 1,234,567.89}. */
    private static String grouped(BigDecimal b, char grouping, char decimal) {
        String s = b.toPlainString();
        int dot = s.indexOf('.');
        int start = s.startsWith("-") ? 1 : 0;
        int intEnd = dot < 0 ? s.length() : dot;
        StringBuilder g = new StringBuilder(s.length() + 6);
        g.append(s, 0, start);
        for (int k = start; k < intEnd; k++) {
            if (k > start && (intEnd - k) % 3 == 0) {
                g.append(grouping);
            }
            g.append(s.charAt(k));
        }
        if (dot >= 0) {
            g.append(decimal).append(s, dot + 1, s.length());
        }
        return g.toString();
    }

    private static String name(Object code, Map<String, String> names) {
        String key = code instanceof Enum<?> e ? e.name() : String.valueOf(code);
        String n = names.get(key);
        if (n == null) {
            throw new EngineException("template: no display name for the code '" + key + "' (nazwy: in the benefit's komunikaty.yaml)");
        }
        return n;
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        throw new EngineException("template: not a number: " + v);
    }

    /** A percentage as a caseworker writes it: 80 (not 80,00), 12,5. */
    private static BigDecimal percent(Object v) {
        BigDecimal b = decimal(v).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    private static BigDecimal money(Object v) {
        return decimal(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static String plainPl(BigDecimal b) {
        String s = b.toPlainString();
        int dot = s.indexOf('.');
        String intPart = dot < 0 ? s : s.substring(0, dot);
        String frac = dot < 0 ? "" : "," + s.substring(dot + 1);
        boolean neg = intPart.startsWith("-");
        if (neg) {
            intPart = intPart.substring(1);
        }
        StringBuilder g = new StringBuilder();
        for (int k = 0; k < intPart.length(); k++) {
            if (k > 0 && (intPart.length() - k) % 3 == 0) {
                g.append(' ');
            }
            g.append(intPart.charAt(k));
        }
        return (neg ? "-" : "") + g + frac;
    }

    /** Polish plural: 1 miesiąc, 2–4 miesiące (not 12–14), 5+ miesięcy. */
    static String count(Object v, String one, String few, String many) {
        long n = decimal(v).longValueExact();
        long a = Math.abs(n);
        String word = a == 1 ? one : (a % 10 >= 2 && a % 10 <= 4 && (a % 100 < 12 || a % 100 > 14)) ? few : many;
        return n + " " + word;
    }

    private static String countEn(Object v, String word) {
        return countEn(v, word, word + "s");
    }

    private static String countEn(Object v, String one, String many) {
        long n = decimal(v).longValueExact();
        return n + " " + (Math.abs(n) == 1 ? one : many);
    }
}
