package in.mdm.platform.security.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import in.mdm.platform.web.PlatformProblems;

/**
 * 401, 403 and refused URLs as ProblemDetails with a stable {@code code}, written before
 * any controller runs.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof org.springframework.security.authentication.AuthenticationServiceException) {
            // the token could not be checked (the issuer's keys or Redis unreachable):
            // not the caller's fault
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(response, HttpStatus.SERVICE_UNAVAILABLE, PlatformProblems.VERIFICATION_UNAVAILABLE,
                    "The access token cannot be verified right now; retry shortly", request.getRequestURI());
            return;
        }
        bearer.commence(request, response, ex); // sets WWW-Authenticate: Bearer
                                                // error="invalid_token" ...
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        write(response, HttpStatus.UNAUTHORIZED,
                tokenSent ? PlatformProblems.TOKEN_INVALID : PlatformProblems.UNAUTHENTICATED,
                tokenSent ? "The access token is invalid, expired or revoked" : "A bearer access token is required",
                request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN, "Your role may not do this",
                request.getRequestURI());
    }

    /**
     * A URL the firewall refuses (encoded slashes or percent signs, path traversal ...):
     * a 400 problem.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
            throws IOException {
        write(response, HttpStatus.BAD_REQUEST, PlatformProblems.URL_REJECTED, "The request URL is not allowed",
                request.getRequestURI());
    }

    static void write(HttpServletResponse response, HttpStatus status, String code, String detail, String instance)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"instance\":\"" + json(instance) + "\",\"code\":\""
                + code + "\"}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : (s == null ? "" : s).toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            }
            else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }

}
