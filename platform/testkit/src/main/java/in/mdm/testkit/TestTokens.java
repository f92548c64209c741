package in.mdm.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Access tokens for tests, shaped as auth-service issues them (RS256, {@code kid},
 * {@code iss}, {@code aud}, {@code roles}, {@code jurisdiction}, {@code jti}), signed by
 * a key of this JVM whose JWKS is served on a loopback port. {@link MdmIntegrationTest}
 * makes the service under test trust this issuer, so a test can call any endpoint as any
 * role and jurisdiction:
 *
 * <pre>{@code
 * http.exchange("/api/v1/schools/33020100101", GET, new HttpEntity<>(TestTokens.bearer(TestTokens.officer("568"))), Map.class);
 * }</pre>
 *
 * {@link #token()} builds the odd ones (expired, another issuer or audience, another key)
 * for attack tests.
 */
public final class TestTokens {

    public static final String ISSUER = "http://issuer.mdm-twin.test";

    public static final String AUDIENCE = "mdm-twin";

    public static final String STATE = "33";

    private static TestTokens instance;

    private final RSAKey key;

    private final RSAKey strangerKey;

    private final HttpServer jwksServer;

    private TestTokens() {
        this.key = rsa("test-signing-1");
        this.strangerKey = rsa("test-signing-1"); // same kid, other key: a forged
                                                  // signature
        try {
            jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot serve the test JWKS", e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwksServer.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        jwksServer.setExecutor(null);
        jwksServer.start();
    }

    private static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> instance.jwksServer.stop(0), "mdm-test-jwks-stop"));
        }
        return instance;
    }

    /** The URL of the test issuer's JWKS. */
    public static String jwksUri() {
        return "http://" + get().jwksServer.getAddress().getHostString() + ":" + get().jwksServer.getAddress().getPort()
                + "/jwks.json";
    }

    /** What a service needs to trust the test issuer. */
    public static Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("mdm.security.issuer", ISSUER);
        properties.put("mdm.security.audience", AUDIENCE);
        properties.put("mdm.security.jwks-uri", jwksUri());
        return properties;
    }

    /** The issuer's public signing key (as an attacker would know it). */
    public static RSAKey publicKey() {
        return get().key.toPublicJWK();
    }

    /** A state ADMIN. */
    public static String admin() {
        return token().subject("state.admin").roles("ADMIN").jurisdiction("STATE", STATE).build();
    }

    /** An OFFICER of a district (LGD code). */
    public static String officer(String districtCode) {
        return token().subject("deo." + districtCode).roles("OFFICER").jurisdiction("DISTRICT", districtCode).build();
    }

    /** An OFFICER of a block (LGD code). */
    public static String blockOfficer(String blockCode) {
        return token().subject("beo." + blockCode).roles("OFFICER").jurisdiction("BLOCK", blockCode).build();
    }

    /** A headmaster of a school (UDISE code). */
    public static String school(String udiseCode) {
        return token().subject("hm." + udiseCode).roles("SCHOOL").jurisdiction("SCHOOL", udiseCode).build();
    }

    /** A machine client with scopes and no role. */
    public static String machine(String clientId, String... scopes) {
        return token().subject(clientId).scope(String.join(" ", scopes)).jurisdiction("STATE", STATE).build();
    }

    /** Headers with {@code Authorization: Bearer <token>} and JSON content. */
    public static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    /**
     * Sends {@code Authorization: Bearer <token>} on every request that has none of its
     * own, e.g.
     * {@code http.getRestTemplate().setInterceptors(List.of(TestTokens.asDefault(TestTokens.admin())))}.
     */
    public static org.springframework.http.client.ClientHttpRequestInterceptor asDefault(String token) {
        return (request, body, execution) -> {
            if (!request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                request.getHeaders().setBearerAuth(token);
            }
            return execution.execute(request, body);
        };
    }

    public static Builder token() {
        return new Builder();
    }

    /** Builds any token the test issuer could sign, and some it could not. */
    public static final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();

        private String issuer = ISSUER;

        private Object audience = AUDIENCE;

        private Instant issuedAt = Instant.now();

        private Duration lifetime = Duration.ofMinutes(15);

        private boolean strangerKey;

        private String kid;

        private Builder() {
            claims.put("jti", UUID.randomUUID().toString());
        }

        public Builder subject(String subject) {
            claims.put("sub", subject);
            claims.put("preferred_username", subject);
            return this;
        }

        public Builder roles(String... roles) {
            claims.put("roles", List.of(roles));
            return this;
        }

        public Builder jurisdiction(String level, String code) {
            claims.put("jurisdiction", Map.of("level", level, "code", code));
            return this;
        }

        public Builder scope(String scope) {
            claims.put("scope", scope);
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder jti(String jti) {
            claims.put("jti", jti);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(Object audience) {
            this.audience = audience;
            return this;
        }

        /**
         * Issued this long ago (with the usual 15-minute lifetime, more than 15 minutes
         * ago means expired).
         */
        public Builder issuedAgo(Duration ago) {
            this.issuedAt = Instant.now().minus(ago);
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /**
         * Signed by a key the issuer does not have, under the issuer's own {@code kid}.
         */
        public Builder forged() {
            this.strangerKey = true;
            return this;
        }

        public Builder kid(String kid) {
            this.kid = kid;
            return this;
        }

        public String build() {
            TestTokens tokens = get();
            RSAKey signing = strangerKey ? tokens.strangerKey : tokens.key;
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)));
            if (audience instanceof List<?> list) {
                set.audience(new ArrayList<>(list.stream().map(String::valueOf).toList()));
            }
            else if (audience != null) {
                set.audience(String.valueOf(audience));
            }
            claims.forEach(set::claim);
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid != null ? kid : signing.getKeyID()).build(),
                        set.build());
                jwt.sign(new RSASSASigner(signing));
                return jwt.serialize();
            }
            catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

    }

    /**
     * A fresh RSA signing key (public and private), for a stand-in of another issuer such
     * as Keycloak.
     */
    public static RSAKey rsa(String kid) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(kid)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs arbitrary claims with the given key, RS256. */
    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

}
