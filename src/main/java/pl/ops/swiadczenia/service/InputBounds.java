package pl.ops.swiadczenia.service;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The legal or physical range of every input field (issue 14): each field of the application declares it next to its
 * declaration in {@code pl.ops.swiadczenia.fakty} with Bean Validation annotations ({@code @Min}/{@code @Max},
 * {@code @DecimalMin}/{@code @DecimalMax}, {@code @Digits}, {@code @Size}), which SmallRye OpenAPI publishes as
 * {@code minimum}/{@code maximum}/{@code maxLength}/{@code maxItems} of the request schema. This class checks them
 * and words each violation in Polish with the whole allowed range ("dozwolone od 1 do 120"), never echoing the value.
 */
public final class InputBounds {
    /** Built once; no expression language needed: messages are composed here, not interpolated. */
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory().getValidator();

    private InputBounds() {
    }

    /** The violations of {@code bean}, one per field, each named by its JSON path under {@code prefix}. */
    public static List<FieldError> check(String prefix, Object bean) {
        if (bean == null) {
            return List.of();
        }
        Map<String, FieldError> byField = new LinkedHashMap<>();
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(bean);
        List<ConstraintViolation<Object>> sorted = new ArrayList<>(violations);
        sorted.sort(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()));
        for (ConstraintViolation<Object> v : sorted) {
            String path = v.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
            String field = path.isEmpty() ? prefix : prefix + "." + path;
            byField.putIfAbsent(field, new FieldError(field, describe(v)));
        }
        return List.copyOf(byField.values());
    }

    /**
     * The allowed range of a numeric property as words ("od 1 do 120"), or null when the property declares none. Used
     * while reading JSON, for a number too large even to be read into its field.
     */
    public static String range(Class<?> type, String property) {
        PropertyDescriptor p;
        try {
            p = VALIDATOR.getConstraintsForClass(type).getConstraintsForProperty(property);
        } catch (RuntimeException e) {
            return null;
        }
        if (p == null) {
            return null;
        }
        String r = numberRange(new ArrayList<>(p.getConstraintDescriptors()));
        return r.isEmpty() ? null : r.substring(2);
    }

    private static String describe(ConstraintViolation<Object> v) {
        ConstraintDescriptor<?> d = v.getConstraintDescriptor();
        String type = d.getAnnotation().annotationType().getSimpleName();
        if ("Size".equals(type)) {
            int min = (Integer) d.getAttributes().get("min");
            int max = (Integer) d.getAttributes().get("max");
            boolean text = v.getInvalidValue() instanceof CharSequence;
            if (text) {
                return min == max ? "musi mieć dokładnie " + max + " znaków"
                        : "za długi tekst: dozwolone najwyżej " + max + " " + znaki(max);
            }
            return "za dużo pozycji: dozwolone najwyżej " + max;
        }
        // a number: the whole range of the field, from every bound it declares
        return "wartość spoza dozwolonego zakresu" + numberRange(siblings(v));
    }

    /** ": dozwolone od 0 do 99 999,99, najwyżej 2 miejsca po przecinku" from the bounds a property declares. */
    private static String numberRange(List<ConstraintDescriptor<?>> constraints) {
        BigDecimal min = null;
        BigDecimal max = null;
        Integer fraction = null;
        for (ConstraintDescriptor<?> c : constraints) {
            Map<String, Object> a = c.getAttributes();
            switch (c.getAnnotation().annotationType().getSimpleName()) {
                case "Min" -> min = BigDecimal.valueOf((Long) a.get("value"));
                case "Max" -> max = BigDecimal.valueOf((Long) a.get("value"));
                case "DecimalMin" -> min = new BigDecimal((String) a.get("value"));
                case "DecimalMax" -> max = new BigDecimal((String) a.get("value"));
                case "Digits" -> fraction = (Integer) a.get("fraction");
                default -> { }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (min != null && max != null) {
            sb.append(": dozwolone od ").append(liczba(min)).append(" do ").append(liczba(max));
        } else if (min != null) {
            sb.append(": dozwolone od ").append(liczba(min));
        } else if (max != null) {
            sb.append(": dozwolone najwyżej ").append(liczba(max));
        }
        if (fraction != null && sb.length() > 0) {
            sb.append(fraction == 0 ? ", liczba całkowita"
                    : ", najwyżej " + fraction + (fraction == 1 ? " miejsce" : " miejsca") + " po przecinku");
        }
        return sb.toString();
    }

    /** Every constraint declared on the violated property (so a message names both ends of the range). */
    private static List<ConstraintDescriptor<?>> siblings(ConstraintViolation<Object> v) {
        String name = null;
        for (jakarta.validation.Path.Node n : v.getPropertyPath()) {
            name = n.getName();
        }
        Object leaf = v.getLeafBean();
        if (name != null && leaf != null) {
            PropertyDescriptor p = VALIDATOR.getConstraintsForClass(leaf.getClass()).getConstraintsForProperty(name);
            if (p != null) {
                return new ArrayList<>(p.getConstraintDescriptors());
            }
        }
        return List.of(v.getConstraintDescriptor());
    }

    private static String znaki(int n) {
        int r10 = n % 10;
        int r100 = n % 100;
        if (n == 1) {
            return "znak";
        }
        return r10 >= 2 && r10 <= 4 && (r100 < 12 || r100 > 14) ? "znaki" : "znaków";
    }

    /** Polish notation: 9 999 999,99; 0; 2100 (years and small numbers are not grouped below 10 000). */
    public static String liczba(BigDecimal x) {
        String plain = x.stripTrailingZeros().scale() <= 0 ? x.toBigInteger().toString() : x.toPlainString();
        String[] parts = plain.split("\\.");
        String whole = parts[0];
        if (whole.replace("-", "").length() > 4) {
            StringBuilder g = new StringBuilder();
            for (int i = 0; i < whole.length(); i++) {
                if (i > 0 && (whole.length() - i) % 3 == 0 && whole.charAt(i - 1) != '-') {
                    g.append(' ');
                }
                g.append(whole.charAt(i));
            }
            whole = g.toString();
        }
        return parts.length > 1 ? whole + "," + parts[1] : whole;
    }
}
