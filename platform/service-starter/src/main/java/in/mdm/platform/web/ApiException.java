package in.mdm.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A domain error answered as an RFC 9457 problem with a stable {@code code} (e.g.
 * {@code finance.release.not-approvable}). Services throw the subclasses; the platform
 * advice renders them.
 */
public class ApiException extends ErrorResponseException {

    public static final URI TYPE_BASE = URI.create("https://mdm-twin.in/problems/");

    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(status, problem(status, code, detail), null);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(TYPE_BASE.resolve(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** 404: the resource does not exist, or lies outside the caller's jurisdiction. */
    public static ApiException notFound(String code, String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, code, detail);
    }

    /** 400: the request breaks a rule that field validation cannot express. */
    public static ApiException badRequest(String code, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
    }

    /** 409: the request conflicts with the resource's current state. */
    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, detail);
    }

}
