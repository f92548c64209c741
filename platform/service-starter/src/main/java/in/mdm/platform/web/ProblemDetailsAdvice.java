package in.mdm.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * One error model for every service: RFC 9457 problems with a stable {@code code}. Bad
 * input names each bad field; duplicates become 409 with the constraint's meaning;
 * nothing internal (SQL, classes, stack traces) reaches the client.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ConstraintCodes constraints;

    public ProblemDetailsAdvice(ConstraintCodes constraints) {
        this.constraints = constraints;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .sorted(Comparator.comparing(FieldError::getField))
            .forEach(e -> errors.add(fieldError(e.getField(), e.getDefaultMessage(), e.getRejectedValue())));
        ex.getBindingResult()
            .getGlobalErrors()
            .forEach(e -> errors.add(fieldError(e.getObjectName(), e.getDefaultMessage(), null)));
        return badInput(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                .forEach(e -> errors.add(fieldError(name, e.getDefaultMessage(), result.getArgument())));
        });
        return badInput(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getConstraintViolations()
            .stream()
            .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .forEach(v -> errors
                .add(fieldError(leaf(v.getPropertyPath().toString()), v.getMessage(), v.getInvalidValue())));
        return badInput(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = ApiException.problem(HttpStatus.BAD_REQUEST, PlatformProblems.UNKNOWN_FIELD,
                    "Unknown field '" + unknown.getPropertyName() + "'");
            problem.setProperty("errors",
                    List.of(fieldError(unknown.getPropertyName(), "is not a field of this request", null)));
        }
        else if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPathReference().replaceAll("^[^\\[]*\\[\"?", "").replaceAll("\"?\\]$", "");
            String path = path(mapping);
            String allowed = enumValues(mapping);
            if (allowed != null) {
                // an unknown value of a closed set (an enum field): say which values it
                // takes, as a @Pattern would
                String name = path.isEmpty() ? field : path;
                problem = ApiException.problem(HttpStatus.BAD_REQUEST, PlatformProblems.INVALID_VALUE,
                        "Field '" + name + "' must be one of " + allowed);
                problem.setProperty("errors", List
                    .of(fieldError(name, "must be one of " + allowed, ((InvalidFormatException) mapping).getValue())));
            }
            else {
                problem = ApiException.problem(HttpStatus.BAD_REQUEST, PlatformProblems.INVALID_VALUE,
                        "Field '" + path + "' has a value of the wrong type or format");
                problem.setProperty("errors", List
                    .of(fieldError(path.isEmpty() ? field : path, "has a value of the wrong type or format", null)));
            }
        }
        else if (cause instanceof JacksonException) {
            problem = ApiException.problem(HttpStatus.BAD_REQUEST, PlatformProblems.MALFORMED_JSON,
                    "The request body is not valid JSON");
        }
        else {
            problem = ApiException.problem(HttpStatus.BAD_REQUEST, PlatformProblems.UNREADABLE,
                    "The request body is missing or unreadable");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return badInput(List
            .of(fieldError(ex.getName(), "has a value of the wrong type or format", String.valueOf(ex.getValue()))));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> handleDataIntegrity(DataIntegrityViolationException ex) {
        String message = ex.getMostSpecificCause().getMessage();
        return constraints.find(message)
            .map(c -> ResponseEntity.status(HttpStatus.CONFLICT)
                .<Object>body(ApiException.problem(HttpStatus.CONFLICT, c.code(), c.detail())))
            .orElseGet(() -> {
                if (ex instanceof DuplicateKeyException) {
                    return ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(ApiException.problem(HttpStatus.CONFLICT, PlatformProblems.RESOURCE_DUPLICATE,
                                "The resource already exists"));
                }
                log.warn("Data integrity violation not mapped to a problem code: {}", message);
                return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ApiException.problem(HttpStatus.CONFLICT, PlatformProblems.RESOURCE_CONFLICT,
                            "The change conflicts with existing data"));
            });
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ApiException.problem(HttpStatus.NOT_FOUND, PlatformProblems.RESOURCE_NOT_FOUND,
                    "No resource at this path"));
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(org.springframework.security.access.AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
            .body(ApiException.problem(HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN, "Your role may not do this"));
    }

    @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
    ResponseEntity<Object> handleUnauthenticated(org.springframework.security.core.AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .body(ApiException.problem(HttpStatus.UNAUTHORIZED, PlatformProblems.UNAUTHENTICATED,
                    "A bearer access token is required"));
    }

    /**
     * A lock wait or deadlock the database broke, a query timeout, or no pooled
     * connection in time: the transaction rolled back, so the client may send the same
     * request again.
     */
    @ExceptionHandler({ org.springframework.dao.TransientDataAccessException.class,
            org.springframework.jdbc.CannotGetJdbcConnectionException.class })
    ResponseEntity<Object> handleBusy(Exception ex) {
        log.warn("Busy: {}", ex.getMessage());
        return unavailable(1, "The database is busy; nothing was changed, send the request again");
    }

    /** A 503 {@code service.busy} problem the client may send again after the seconds. */
    private static ResponseEntity<Object> unavailable(int retryAfterSeconds, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds))
            .body(ApiException.problem(HttpStatus.SERVICE_UNAVAILABLE, PlatformProblems.BUSY, detail));
    }

    /**
     * The database went away during the request (a lost connection, a failover, a
     * restart): a 503 the client may send again, never a 500. When the connection broke
     * at commit the change may or may not be stored, so the answer does not say nothing
     * changed; requests that carry a client id (meal reports, transfers) are not applied
     * twice.
     */
    @ExceptionHandler({ org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.dao.RecoverableDataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            org.springframework.transaction.TransactionSystemException.class })
    ResponseEntity<Object> handleDatabaseAway(Exception ex) {
        log.warn("Database unreachable: {}", ex.getMessage());
        return unavailable(2, "The database could not be reached; send the request again");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
            .body(ApiException.problem(HttpStatus.INTERNAL_SERVER_ERROR, PlatformProblems.INTERNAL_ERROR,
                    "The request could not be completed; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", PlatformProblems.forStatus(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<Object> badInput(List<Map<String, Object>> errors) {
        String fields = String.join(", ", errors.stream().map(e -> (String) e.get("field")).distinct().toList());
        ProblemDetail problem = ApiException.problem(HttpStatus.BAD_REQUEST, PlatformProblems.INVALID,
                "Invalid request: " + (fields.isEmpty() ? "see errors" : fields));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, Object> fieldError(String field, String message, Object rejected) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        if (rejected != null && !(rejected instanceof Iterable<?>) && String.valueOf(rejected).length() <= 200) {
            error.put("rejectedValue", rejected);
        }
        return error;
    }

    /**
     * The values of the enum a value could not be read as ({@code A, B, C}), or
     * {@code null} when the target is no enum.
     */
    private static String enumValues(DatabindException ex) {
        if (ex instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return Arrays.stream(format.getTargetType().getEnumConstants())
                .map(e -> ((Enum<?>) e).name())
                .collect(Collectors.joining(", "));
        }
        return null;
    }

    private static String path(DatabindException ex) {
        StringBuilder path = new StringBuilder();
        ex.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
            else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }

}
