package in.mdm.gateway.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import in.mdm.gateway.GatewayProblems;

/**
 * RFC 9457 problems in the form every MDM service uses: a {@code type} under the
 * project's problem base, a stable {@code code}, never internals.
 */
public final class Problems {

    public static final URI TYPE_BASE = URI.create("https://mdm-twin.in/problems/");

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE_BASE.resolve(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** The code of a problem the gateway has nothing more specific to say about. */
    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> GatewayProblems.ROUTE_NOT_FOUND;
            case 429 -> GatewayProblems.RATE_LIMITED;
            case 502, 503, 504 -> GatewayProblems.SERVICE_UNAVAILABLE;
            case 500 -> GatewayProblems.INTERNAL_ERROR;
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield "http."
                        + (known != null ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : status.value());
            }
        };
    }

    public static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "No route matches this path";
            case 429 -> "Too many requests; slow down and retry shortly";
            case 502, 503, 504 -> "The service behind this path is not available right now";
            case 500 -> "The request could not be completed; it has been logged";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known != null ? known.getReasonPhrase() : "Request failed";
            }
        };
    }

    /**
     * The problem as the JSON members it is written with, for code that writes a body by
     * hand.
     */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        if (problem.getTitle() != null) {
            members.put("title", problem.getTitle());
        }
        members.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            members.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            members.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            members.putAll(problem.getProperties());
        }
        return members;
    }

}
