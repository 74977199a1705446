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
            throw new InvalidRequestException(List.of(new FieldError("$", "request body is required")));
        }
        if (body.length() > MAX_BODY) {
            throw new jakarta.ws.rs.WebApplicationException("The request body exceeds " + MAX_BODY + " characters", 413);
        }
        try {
            return STRICT.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "unknown field")));
        } catch (InvalidFormatException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "invalid value " + e.getValue()
                    + ": expected " + describe(e.getTargetType()))));
        } catch (MismatchedInputException e) {
            throw new InvalidRequestException(List.of(new FieldError(path(e), "wrong type: expected "
                    + describe(e.getTargetType()))));
        } catch (JsonParseException e) {
            throw new InvalidRequestException(List.of(new FieldError("$", "malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        } catch (JsonMappingException e) {
            String msg = e.getOriginalMessage() == null ? "invalid value" : e.getOriginalMessage().split("\n")[0];
            throw new InvalidRequestException(List.of(new FieldError(path(e), msg)));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new InvalidRequestException(List.of(new FieldError("$", "too deeply nested or too long: "
                    + e.getOriginalMessage().split("\\(")[0].trim())));
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(List.of(new FieldError("$", "malformed JSON")));
        }
    }

    private static String describe(Class<?> t) {
        if (t == null) {
            return "another type";
        }
        if (t.isEnum()) {
            return "one of " + java.util.Arrays.toString(t.getEnumConstants());
        }
        return switch (t.getSimpleName()) {
            case "LocalDate" -> "an ISO date yyyy-MM-dd";
            case "BigDecimal" -> "a decimal number";
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "boolean", "Boolean" -> "true or false";
            case "String" -> "a string";
            case "List", "ArrayList" -> "an array";
            default -> "an object (" + t.getSimpleName() + ")";
        };
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
