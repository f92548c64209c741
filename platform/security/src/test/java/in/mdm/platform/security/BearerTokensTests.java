package in.mdm.platform.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTests {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl-_~+/";

    @Test
    void readsTheTokenOfABearerHeader() {
        assertThat(BearerTokens.of("Bearer " + JWT)).isEqualTo(JWT);
        assertThat(BearerTokens.of("bearer " + JWT)).as("the scheme is case-insensitive").isEqualTo(JWT);
        assertThat(BearerTokens.of("BEARER " + JWT + "==")).as("padding kept").isEqualTo(JWT + "==");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(BearerTokens.of(null)).isNull();
        assertThat(BearerTokens.of("Basic YWxhZGRpbjpvcGVuc2VzYW1l")).isNull();
        assertThat(BearerTokens.of("")).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidToken() {
        for (String header : new String[] { "Bearer", "Bearer ", "Bearer    ", "Bearer  " + JWT, "Bearer " + JWT + " ",
                "Bearer a b", "Bearer a=b", "Bearer tok\u00e9n", "Bearer <script>", "Bearertoken", "Bearer a,b" }) {
            assertThatThrownBy(() -> BearerTokens.of(header)).as(header)
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                    .isEqualTo("invalid_token"));
        }
    }

}
