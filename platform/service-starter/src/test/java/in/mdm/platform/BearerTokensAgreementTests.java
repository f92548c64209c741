package in.mdm.platform;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import in.mdm.platform.security.BearerTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header reader the services and the gateway use in place of Spring Security's
 * answers every header as Spring Security's resolver does.
 */
class BearerTokensAgreementTests {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl-_~+/";

    @Test
    void answersAsSpringSecuritysResolverDoes() {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        String[] headers = { "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT + "==", "Bearer " + JWT + "=",
                "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Digest a", "", "Bearer", "Bearer ", "Bearer  " + JWT,
                "Bearer " + JWT + " ", "Bearer a b", "Bearer a=b", "Bearer abc==", "Bearer \u00e9", "Bearertoken",
                "Bearer a,b", "Bearer <x>" };
        for (String header : headers) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
            request.addHeader("Authorization", header);
            assertThat(answer(() -> BearerTokens.of(header))).as("[%s]", header)
                .isEqualTo(answer(() -> spring.resolve(request)));
        }
        assertThat(BearerTokens.of(null)).isNull();
        assertThat(spring.resolve(new MockHttpServletRequest("GET", "/x"))).isNull();
    }

    private static String answer(java.util.function.Supplier<String> resolver) {
        try {
            String token = resolver.get();
            return token == null ? "no token" : token;
        }
        catch (OAuth2AuthenticationException ex) {
            return ex.getError().getErrorCode();
        }
    }

}
