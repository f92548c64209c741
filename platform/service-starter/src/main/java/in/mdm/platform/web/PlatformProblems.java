package in.mdm.platform.web;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The problem codes the platform answers for every service, before or around the
 * service's own code: bad input, a path with nothing behind it, unmapped database
 * conflicts, missing or bad tokens, and the unexpected. A service whose own rule ends the
 * same way (a form it checks itself, a refresh token it refuses) answers with these too,
 * so that a client sees one code for one situation. The services' own codes are in their
 * {@code *Problems} classes.
 */
public final class PlatformProblems {

    // Bad input (ProblemDetailsAdvice, the servlet firewall)

    /**
     * 400: fields or parameters break their constraints; {@code errors[]} names each one.
     */
    public static final String INVALID = "request.invalid";

    /** 400: the JSON body has a field the request does not know. */
    public static final String UNKNOWN_FIELD = "request.unknown-field";

    /**
     * 400: a field of the JSON body has a value of the wrong type or format (an unknown
     * enum value too).
     */
    public static final String INVALID_VALUE = "request.invalid-value";

    /** 400: the body is not JSON. */
    public static final String MALFORMED_JSON = "request.malformed-json";

    /** 400: the body is missing or cannot be read. */
    public static final String UNREADABLE = "request.unreadable";

    /**
     * 400: the URL is refused before any controller runs (encoded slashes, path traversal
     * ...).
     */
    public static final String URL_REJECTED = "request.url-rejected";

    // Resources

    /** 404: no endpoint at this path. */
    public static final String RESOURCE_NOT_FOUND = "resource.not-found";

    /**
     * 404: a filter names a district, block or school that lies outside the caller's
     * jurisdiction (or that does not exist): the same answer for both, so that the
     * existence of another area's data is not told.
     */
    public static final String AREA_NOT_FOUND = "area.not-found";

    /** 409: a unique constraint the service has not mapped to a code of its own. */
    public static final String RESOURCE_DUPLICATE = "resource.duplicate";

    /** 409: any other integrity violation the service has not mapped. */
    public static final String RESOURCE_CONFLICT = "resource.conflict";

    // Authentication and authorization (SecurityPlatformAutoConfiguration,
    // ProblemDetailsAdvice)

    /** 401: no bearer token. */
    public static final String UNAUTHENTICATED = "auth.unauthenticated";

    /** 401: the token is invalid, expired or revoked. */
    public static final String TOKEN_INVALID = "auth.token-invalid";

    /** 403: the caller's role or scopes may not do this. */
    public static final String FORBIDDEN = "auth.forbidden";

    /**
     * 503: the token cannot be checked right now (the issuer's keys or the deny-list
     * unreachable).
     */
    public static final String VERIFICATION_UNAVAILABLE = "auth.verification-unavailable";

    /**
     * 503: the database is busy (a lock or deadlock it broke after retries, no connection
     * free in time); nothing was changed and the same request may be sent again.
     */
    public static final String BUSY = "service.busy";

    // Anything else

    /** 500: an unexpected failure, logged. */
    public static final String INTERNAL_ERROR = "internal.error";

    private PlatformProblems() {
    }

    /**
     * The code of an HTTP error the framework answers with nothing more specific to say
     * ({@code http.method-not-allowed}, {@code http.unsupported-media-type}, ...):
     * {@code http.} and the status name, or its number when it has none.
     */
    public static String forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return "http." + (known != null ? known.name().toLowerCase(Locale.ROOT).replace('_', '-') : status.value());
    }

}
