package in.mdm.gateway;

/**
 * The problem codes the gateway answers with itself (the {@code code} of its RFC 9457
 * problems), each documented in its README. The services' own problems pass through
 * unchanged. The edge's authentication codes are the same the services answer behind it,
 * so a client sees one code for one situation wherever it is refused.
 */
public final class GatewayProblems {

    // Routing and the services behind

    /** 404: no route matches the path. */
    public static final String ROUTE_NOT_FOUND = "gateway.route-not-found";

    /**
     * 503: the service behind the route cannot answer (unreachable, no instance, time
     * limit, breaker open, busy).
     */
    public static final String SERVICE_UNAVAILABLE = "gateway.service-unavailable";

    /** 429: the caller's rate-limit bucket is empty. */
    public static final String RATE_LIMITED = "gateway.rate-limited";

    /** 500: a failure in the gateway itself, logged. */
    public static final String INTERNAL_ERROR = "gateway.internal-error";

    // Edge authentication

    /** 401: no bearer token on a route that needs one. */
    public static final String UNAUTHENTICATED = "auth.unauthenticated";

    /** 401: the token is invalid, expired, forged or revoked. */
    public static final String TOKEN_INVALID = "auth.token-invalid";

    /** 403: the token's role or scopes may not call this route. */
    public static final String FORBIDDEN = "auth.forbidden";

    /**
     * 503: the token cannot be checked right now (the issuer's keys or the deny-list in
     * Redis unreachable).
     */
    public static final String VERIFICATION_UNAVAILABLE = "auth.verification-unavailable";

    // The dashboard's session (cookie) calls

    /**
     * 403: a state-changing call with the session cookie but without the {@code X-MDM-UI}
     * header the dashboard's own pages send (cross-site request forgery).
     */
    public static final String UI_HEADER_MISSING = "ui.header-missing";

    private GatewayProblems() {
    }

}
