package pl.ops.swiadczenia.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import pl.ops.swiadczenia.service.CanonicalJson;
import pl.ops.swiadczenia.service.EvaluationRequest;
import pl.ops.swiadczenia.service.FieldError;
import pl.ops.swiadczenia.service.InvalidRequestException;

/** Strict reading of request bodies: unknown fields, wrong types and malformed JSON become a 400 naming the field. */
final class RequestJson {
    private static final ObjectMapper STRICT = CanonicalJson.MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static {
        // dates are plain ISO dates: "2025-03-03T00:00:00Z" is refused, not silently cut to a date
        STRICT.configOverride(java.time.LocalDate.class)
                .setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false));
        // no scalar coercion (issue 14): "33696" is not a number, 0/1/"true" are not booleans, 123 is not a text
        STRICT.disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (com.fasterxml.jackson.databind.type.LogicalType t : new com.fasterxml.jackson.databind.type.LogicalType[] {
                com.fasterxml.jackson.databind.type.LogicalType.Integer, com.fasterxml.jackson.databind.type.LogicalType.Float,
                com.fasterxml.jackson.databind.type.LogicalType.Boolean, com.fasterxml.jackson.databind.type.LogicalType.Textual,
                com.fasterxml.jackson.databind.type.LogicalType.DateTime, com.fasterxml.jackson.databind.type.LogicalType.Enum}) {
            var c = STRICT.coercionConfigFor(t);
            for (com.fasterxml.jackson.databind.cfg.CoercionInputShape shape : com.fasterxml.jackson.databind.cfg.CoercionInputShape.values()) {
                c.setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
            }
        }
        // what each type may be given as: its own JSON shape only
        STRICT.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Integer)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert);
        STRICT.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Float)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert);
        STRICT.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String, com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert);
        STRICT.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.DateTime)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String, com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert);
        STRICT.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Enum)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String, com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert);
        com.fasterxml.jackson.databind.module.SimpleModule strictText = new com.fasterxml.jackson.databind.module.SimpleModule("strict-text");
        strictText.addDeserializer(String.class, new StrictString());
        strictText.addDeserializer(java.time.LocalDate.class, new StrictDate());
        strictText.addDeserializer(java.math.BigDecimal.class, new BoundedDecimal());
        strictText.addDeserializer(Integer.class, new BoundedInteger(Integer.class));
        strictText.addDeserializer(int.class, new BoundedInteger(int.class));
        strictText.setDeserializerModifier(ExactEnum.MODIFIER);
        STRICT.registerModule(strictText);
    }

    /**
     * A code exactly as the schema lists it: Jackson's enum reader trims the text, so " BRAK" would be read as BRAK
     * (and stored with the spaces in the request). Found by {@code RequestFuzzTest}.
     */
    static final class ExactEnum extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {
        static final com.fasterxml.jackson.databind.deser.BeanDeserializerModifier MODIFIER =
                new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
                    @Override
                    public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyEnumDeserializer(
                            com.fasterxml.jackson.databind.DeserializationConfig config,
                            com.fasterxml.jackson.databind.JavaType type,
                            com.fasterxml.jackson.databind.BeanDescription beanDesc,
                            com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
                        return new ExactEnum(deserializer);
                    }
                };

        ExactEnum(com.fasterxml.jackson.databind.JsonDeserializer<?> d) {
            super(d);
        }

        @Override
        protected com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatingInstance(
                com.fasterxml.jackson.databind.JsonDeserializer<?> d) {
            return new ExactEnum(d);
        }

        @Override
        public Object deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            if (p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING && !p.getText().equals(p.getText().strip())) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, "kod ze spacjami", "(kod)", handledType());
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Dates between 1900 and 2100 (issue 14): no person, application or period of this service lies outside. */
    static final java.time.LocalDate MIN_DATE = java.time.LocalDate.of(1900, 1, 1);
    static final java.time.LocalDate MAX_DATE = java.time.LocalDate.of(2100, 12, 31);

    /** A text: a JSON string only (no number or boolean), valid Unicode (no unpaired surrogate). */
    static final class StrictString extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String v = p.getText();
            if (!"pesel".equals(p.currentName()) && hasElevenDigits(v)) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p,
                        "nie może zawierać ciągu 11 cyfr (numer PESEL podaje się tylko w polu pesel członka rodziny)",
                        "(tekst)", String.class);
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p,
                            "niepoprawny tekst Unicode (samotny surogat na pozycji " + (i + 1) + ")", "(tekst)", String.class);
                }
            }
            return v;
        }
    }

    /**
     * The physical bound of every number in a request, whatever the field (defence in depth under the ranges of each
     * field): a decimal below 1 000 000 000 in absolute value with at most 6 decimal places (money, areas, hectares,
     * prices), a whole number between −1 000 000 and 1 000 000. Nothing of this service's law comes near either; a
     * larger value can only overflow the stored columns or make the evaluation run long.
     */
    static final java.math.BigDecimal MAX_DECIMAL = new java.math.BigDecimal("1000000000");
    static final int MAX_INTEGER = 1_000_000;

    /**
     * A number outside its range, refused while reading (before it could overflow anything). The message names the
     * range the field declares ({@link pl.ops.swiadczenia.service.InputBounds}), or the physical bound of every
     * number when the field declares none; it never echoes the value.
     */
    static final class OutOfRange extends JsonMappingException {
        OutOfRange(com.fasterxml.jackson.core.JsonParser p, String message) {
            super(p, message);
        }

        static OutOfRange of(com.fasterxml.jackson.core.JsonParser p, String physical) {
            Object bean = p.getParsingContext().getCurrentValue();
            String name = p.getParsingContext().getCurrentName();
            String declared = bean == null || name == null ? null
                    : pl.ops.swiadczenia.service.InputBounds.range(bean.getClass(), name);
            return new OutOfRange(p, declared != null ? "wartość spoza dozwolonego zakresu: " + declared
                    : "wartość spoza dozwolonego zakresu: " + physical);
        }
    }

    static final class BoundedDecimal extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<java.math.BigDecimal> {
        BoundedDecimal() {
            super(java.math.BigDecimal.class);
        }

        @Override
        public java.math.BigDecimal deserialize(com.fasterxml.jackson.core.JsonParser p,
                                                com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
                    && p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT) {
                return (java.math.BigDecimal) ctxt.handleUnexpectedToken(java.math.BigDecimal.class, p);
            }
            java.math.BigDecimal v = p.getDecimalValue();
            if (v.abs().compareTo(MAX_DECIMAL) >= 0 || v.stripTrailingZeros().scale() > 6) {
                throw OutOfRange.of(p, "liczba dziesiętna większa od −1 000 000 000 i mniejsza od 1 000 000 000, "
                        + "najwyżej 6 miejsc po przecinku");
            }
            return v;
        }
    }

    static final class BoundedInteger extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<Integer> {
        private final Class<?> type;

        BoundedInteger(Class<?> type) {
            super(Integer.class);
            this.type = type;
        }

        @Override
        public Integer deserialize(com.fasterxml.jackson.core.JsonParser p,
                                   com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                return (Integer) ctxt.handleUnexpectedToken(type, p);
            }
            if (p.getNumberType() != com.fasterxml.jackson.core.JsonParser.NumberType.INT
                    || Math.abs((long) p.getIntValue()) > MAX_INTEGER) {
                throw OutOfRange.of(p, "liczba całkowita od −1 000 000 do 1 000 000");
            }
            return p.getIntValue();
        }
    }

    /** Whether a text holds a run of 11 or more digits of any script (a PESEL, also in non-ASCII digits). */
    static boolean hasElevenDigits(String v) {
        int run = 0;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            run = Character.isDigit(cp) ? run + 1 : 0;
            if (run >= 11) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** A date: exactly yyyy-MM-dd (no spaces, no time), between {@link #MIN_DATE} and {@link #MAX_DATE}. */
    static final class StrictDate extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<java.time.LocalDate> {
        private static final java.util.regex.Pattern ISO = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        StrictDate() {
            super(java.time.LocalDate.class);
        }

        @Override
        public java.time.LocalDate deserialize(com.fasterxml.jackson.core.JsonParser p,
                                               com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                return (java.time.LocalDate) ctxt.handleUnexpectedToken(java.time.LocalDate.class, p);
            }
            String v = p.getText();
            java.time.LocalDate d = null;
            if (ISO.matcher(v).matches()) {
                try {
                    d = java.time.LocalDate.parse(v);
                } catch (java.time.DateTimeException e) {
                    d = null;
                }
            }
            if (d == null || d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
                throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(p, "data spoza zakresu",
                        v.length() > 40 ? v.substring(0, 40) + "…" : v, java.time.LocalDate.class);
            }
            return d;
        }
    }

    /** Largest request body read (characters); larger ones are answered 413. */
    static final int MAX_BODY = 1_000_000;

    private RequestJson() {
    }

    static EvaluationRequest read(String body) {
        return read(body, EvaluationRequest.class);
    }

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException(List.of(new FieldError("$", "treść żądania jest wymagana")));
        }
        if (body.length() > MAX_BODY) {
            throw new jakarta.ws.rs.WebApplicationException("Treść żądania przekracza " + MAX_BODY + " znaków", 413);
        }
        try {
            return STRICT.readValue(body, type);
        } catch (OutOfRange e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), e.getOriginalMessage())));
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "nieznane pole")));
        } catch (InvalidFormatException e) {
            if (e.getTargetType() == String.class) {
                throw new InvalidRequestException(List.of(new FieldError(path(e), e.getOriginalMessage())));
            }
            throw new InvalidRequestException(List.of(new FieldError(path(e), "niepoprawna wartość: oczekiwano "
                    + describeInRequest(e.getTargetType()))));
        } catch (MismatchedInputException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "zły typ wartości: oczekiwano "
                    + describeInRequest(e.getTargetType()))));
        } catch (JsonParseException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
                String name = e.getProcessor() == null ? null : e.getProcessor().getParsingContext().getCurrentName();
                throw new InvalidRequestException(List.of(new FieldError(name == null ? "$" : name,
                        "pole podane dwa razy w tym samym obiekcie")));
            }
            throw new InvalidRequestException(List.of(new FieldError("$", "niepoprawny JSON w wierszu "
                    + e.getLocation().getLineNr() + ", kolumnie " + e.getLocation().getColumnNr())));
        } catch (JsonMappingException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "niepoprawna wartość: oczekiwano "
                    + describeInRequest(e instanceof MismatchedInputException m ? m.getTargetType() : null))));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new InvalidRequestException(List.of(new FieldError("$", "zbyt głęboko zagnieżdżony albo zbyt długi JSON")));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(new FieldError("$", "niepoprawny JSON")));
        }
    }

    /** What a field of type {@code t} expects, in Polish ("oczekiwano …"); shared by every endpoint's reader. */
    static String describe(Class<?> t) {
        if (t == null) {
            return "wartości innego typu";
        }
        if (t.isEnum()) {
            return "jednej z wartości " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return switch (t.getSimpleName()) {
            case "LocalDate" -> "daty w formacie RRRR-MM-DD";
            case "BigDecimal", "Double", "double" -> "liczby (w JSON bez cudzysłowu)";
            case "int", "Integer", "long", "Long" -> "liczby całkowitej (w JSON bez cudzysłowu)";
            case "boolean", "Boolean" -> "true albo false";
            case "String" -> "tekstu w cudzysłowie";
            case "List", "ArrayList" -> "tablicy [ … ]";
            default -> "obiektu { … }";
        };
    }

    /** {@link #describe}, with the date range every date of an application must be in. */
    private static String describeInRequest(Class<?> t) {
        return describe(t) + (t == java.time.LocalDate.class ? " od " + MIN_DATE + " do " + MAX_DATE : "");
    }

    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }
}
