package pl.ops.swiadczenia.rest;

import java.util.List;
import pl.ops.swiadczenia.service.FieldError;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import pl.ops.swiadczenia.engine.EngineException;
import pl.ops.swiadczenia.engine.EvaluationLimitException;
import pl.ops.swiadczenia.ruleset.NoRuleSetException;
import pl.ops.swiadczenia.service.DecisionNotFoundException;
import pl.ops.swiadczenia.service.InvalidRequestException;

/**
 * Maps every failure to problem details: 400 with field errors, 404, 422 (also an evaluation stopped by its limit),
 * and (never for input) 500.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        // a message never repeats a PESEL-like number (11 digits), whichever field it came in
        List<FieldError> errors = e.errors().stream().map(f -> new FieldError(f.field(),
                f.message() == null ? null : f.message().replaceAll("\\p{Nd}{11}", "***********"))).toList();
        return new Problem("https://ops-swiadczenia.example/problems/invalid-request", "Bad Request", 400,
                "Niepoprawne pola żądania: " + errors.size() + " (the request has " + errors.size() + " invalid field(s))", errors).toResponse();
    }

    @ServerExceptionMapper
    public Response noRuleSet(NoRuleSetException e) {
        return new Problem("https://ops-swiadczenia.example/problems/no-ruleset", "Unprocessable Content", 422,
                e.getMessage(), null).toResponse();
    }

    /** A candidate version that does not validate: 422 with the whole validation report. */
    @ServerExceptionMapper
    public Response refused(pl.ops.swiadczenia.lifecycle.RuleSets.RefusedException e) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "https://ops-swiadczenia.example/problems/ruleset-invalid");
        body.put("title", "Unprocessable Content");
        body.put("status", 422);
        body.put("detail", e.getMessage());
        body.put("report", e.report());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        "Wymagany jest ważny token (nagłówek Authorization: Bearer …) / a valid bearer token is required")).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .entity(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        "Token jest niepoprawny albo wygasł / the bearer token is invalid or expired")).build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden", "Twoja rola nie pozwala na tę operację / your role does not allow this operation").toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(pl.ops.swiadczenia.lifecycle.RuleSets.ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, "conflict", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(DecisionNotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "decision-not-found", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response jaxrsNotFound(NotFoundException e) {
        // a resource's own "Brak …" text when it gave one; the generic one for an unknown path
        String own = e.getMessage();
        return Problem.of(Response.Status.NOT_FOUND, "not-found", own == null || own.startsWith("HTTP 404")
                ? "Nie ma takiego zasobu / no such resource" : own.replaceAll("\\p{Nd}{11}", "***********")).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                    return unreadableBody(j);
                }
            }
            // a body the reader refused without saying why (e.g. it ended in the middle): still name it
            boolean generic = e.getMessage() == null || e.getMessage().startsWith("HTTP 400");
            return new Problem("https://ops-swiadczenia.example/problems/invalid-request", "Bad Request", 400,
                    generic ? "Treść żądania jest niepoprawna / the request body is invalid" : e.getMessage(),
                    List.of(new FieldError("$", generic ? "niepoprawny JSON albo zły typ wartości" : e.getMessage())))
                    .toResponse();
        }
        Response.Status s = Response.Status.fromStatusCode(status);
        return new Problem("https://ops-swiadczenia.example/problems/http-" + status,
                s != null ? s.getReasonPhrase() : "HTTP " + status, status, e.getMessage(), null).toResponse();
    }

    /**
     * An evaluation stopped by its time or firing limit: 422, not 503. The limit is hit by the ruleset, not by a
     * passing overload (an evaluation takes well under a millisecond; the limit is seconds), so the same request
     * stops again: 503 would invite clients to retry automatically, and every retry would hold a worker for the whole
     * limit again. Like a version not in force (422 no-ruleset), the case cannot be decided by the rules as they are.
     * Nothing was stored.
     */
    @ServerExceptionMapper
    public Response evaluationLimit(EvaluationLimitException e) {
        LOG.warn("Evaluation stopped by its limit: " + e.getMessage());
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "https://ops-swiadczenia.example/problems/evaluation-limit");
        body.put("title", "Unprocessable Content");
        body.put("status", 422);
        body.put("detail", "Obliczenie według zestawu reguł " + e.rulesetId() + " przekroczyło "
                + e.limit().namePl() + " (" + e.limit().valuePl(e.value()) + ", ustawienie " + e.limit().property()
                + ") i zostało przerwane. Niczego nie zapisano. To wada zestawu reguł, nie wniosku: to samo zapytanie "
                + "zostanie przerwane ponownie – zgłoś sprawę zespołowi utrzymującemu reguły.");
        body.put("rulesetId", e.rulesetId());
        body.put("limit", e.limit().property());
        body.put("limitValue", e.value());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response engine(EngineException e) {
        LOG.error("Ruleset failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "ruleset-failure",
                "Zestaw reguł nie zdołał rozstrzygnąć tej sprawy; błąd zapisano w dzienniku / the ruleset failed to evaluate this case. " + e.getMessage()).toResponse();
    }

    /**
     * A request body the JSON reader of an endpoint could not read (job requests, uploads, approvals): 400
     * problem+json naming the field, never an empty body (issue 14). Evaluation requests are read by
     * {@link RequestJson} with the same outcome.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unreadableBody(com.fasterxml.jackson.core.JsonProcessingException e) {
        String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m ? RequestJson.path(m) : "$";
        String message;
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f) {
            message = "niepoprawna wartość: oczekiwano " + RequestJson.describe(f.getTargetType());
        } else if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            message = "nieznane pole";
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException f) {
            message = "zły typ wartości: oczekiwano " + RequestJson.describe(f.getTargetType());
        } else if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            message = "niepoprawny JSON";
        } else {
            message = "niepoprawna wartość";
        }
        return new Problem("https://ops-swiadczenia.example/problems/invalid-request", "Bad Request", 400,
                "Treść żądania jest niepoprawna / the request body is invalid",
                List.of(new FieldError(field, message))).toResponse();
    }

    /** The reader's own mappers would answer these exact types; the same problem as above instead. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedInput(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (databaseUnavailable(e)) {
            LOG.warn("Database unavailable: " + e.getMessage());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                            "Baza danych jest chwilowo niedostępna; niczego nie zapisano. Ponów żądanie za kilka sekund. "
                                    + "/ The database is unreachable; nothing was stored. Retry in a few seconds."))
                    .build();
        }
        LOG.error("Unexpected failure", e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "Nieoczekiwany błąd usługi; zapisano go w dzienniku / unexpected failure; it is logged").toResponse();
    }

    /** Class names of failures that mean "no connection to the database" (the store is unreachable, not wrong). */
    private static final java.util.Set<String> CONNECTION_FAILURES = java.util.Set.of(
            "org.hibernate.exception.JDBCConnectionException", "java.sql.SQLTransientConnectionException",
            "java.sql.SQLNonTransientConnectionException", "java.net.ConnectException",
            "io.agroal.api.exceptions.AcquisitionTimeoutException");

    /**
     * Whether a failure is the database being unreachable (issue 14, point 6): a connection failure in the cause
     * chain, or a PostgreSQL error of class 08 (connection exception) or 57P (operator intervention: the server is
     * shutting down or restarting). Such a request gets 503 with Retry-After, never 500.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (CONNECTION_FAILURES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof org.hibernate.JDBCException j && j.getSQLState() != null
                    && (j.getSQLState().startsWith("08") || j.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getClass().getName().equals("org.postgresql.util.PSQLException") && t.getMessage() != null
                    && (t.getMessage().contains("Connection") || t.getMessage().contains("connection")
                    || t.getMessage().contains("terminating"))) {
                return true;
            }
        }
        return false;
    }
}
