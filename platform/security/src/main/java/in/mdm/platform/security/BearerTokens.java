package in.mdm.platform.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * The bearer token of an {@code Authorization} header (RFC 6750 section 2.1), read
 * without a regular expression: every authenticated request at the gateway and at each
 * service passes here, and Spring Security's resolvers match a pattern per request. Same
 * answers as theirs ({@code Bearer}, any case, one space, the token, its padding and
 * nothing more): no header or another scheme is no token, a malformed one is an
 * {@code invalid_token} error.
 */
public final class BearerTokens {

    private static final String SCHEME = "bearer";

    private BearerTokens() {
    }

    /**
     * The token of the header, or {@code null} when the header is absent or not a bearer
     * one.
     * @throws OAuth2AuthenticationException the header says Bearer but holds no
     * well-formed token
     */
    public static String of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        int length = authorization.length();
        if (length < SCHEME.length() + 2 || authorization.charAt(SCHEME.length()) != ' ') {
            throw malformed();
        }
        int start = SCHEME.length() + 1;
        int end = start;
        while (end < length && isTokenChar(authorization.charAt(end))) {
            end++;
        }
        int token = end;
        while (end < length && authorization.charAt(end) == '=') {
            end++;
        }
        if (token == start || end != length) {
            throw malformed();
        }
        return authorization.substring(start, end);
    }

    /** b64token: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/". */
    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~' || c == '+' || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }

}
