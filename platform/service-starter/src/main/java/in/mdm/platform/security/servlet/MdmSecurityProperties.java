package in.mdm.platform.security.servlet;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mdm.security.*}: how a service checks the access tokens it is called with. The
 * defaults (issuer = the gateway's public URL, JWKS of auth-service) are in the
 * platform's defaults file and come from the environment ({@code MDM_PUBLIC_URL},
 * {@code MDM_AUTH_JWKS_URI}, {@code MDM_KEYCLOAK_ISSUER_URI}).
 */
@ConfigurationProperties("mdm.security")
public class MdmSecurityProperties {

    /**
     * Whether requests need a token; off only for a module that has not been wired yet.
     */
    private boolean enabled = true;

    /** The {@code iss} of auth-service's tokens. */
    private String issuer;

    /** The audience every token must name. */
    private String audience = "mdm-twin";

    /** auth-service's JWKS. */
    private String jwksUri;

    /**
     * The state an ADMIN or machine client without a jurisdiction claim works for (LGD
     * state code).
     */
    private String stateCode = "33";

    /** Whether an access token deny-listed at logout (Redis) is refused here too. */
    private boolean checkDeniedTokens = true;

    /**
     * Verified tokens kept until they expire, so that a caller's next request is not
     * verified again (the deny-list is still consulted every time); 0 keeps none.
     */
    private long tokenCacheSize = 4096;

    /**
     * Paths that need no token (besides health, metrics and API docs), e.g. a webhook
     * signed another way.
     */
    private List<String> openPaths = new ArrayList<>();

    private final Keycloak keycloak = new Keycloak();

    public static class Keycloak {

        /**
         * The realm's issuer, e.g. {@code https://sso.example.gov.in/realms/mdm}; empty =
         * Keycloak tokens refused.
         */
        private String issuerUri;

        /**
         * The realm's JWKS; default {@code <issuer-uri>/protocol/openid-connect/certs}.
         */
        private String jwksUri;

        public String getIssuerUri() {
            return issuerUri;
        }

        public void setIssuerUri(String issuerUri) {
            this.issuerUri = issuerUri;
        }

        public String getJwksUri() {
            return jwksUri;
        }

        public void setJwksUri(String jwksUri) {
            this.jwksUri = jwksUri;
        }

        public boolean isOn() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        public String effectiveJwksUri() {
            if (jwksUri != null && !jwksUri.isBlank()) {
                return jwksUri;
            }
            String base = issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
            return base + "/protocol/openid-connect/certs";
        }

    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getJwksUri() {
        return jwksUri;
    }

    public void setJwksUri(String jwksUri) {
        this.jwksUri = jwksUri;
    }

    public String getStateCode() {
        return stateCode;
    }

    public void setStateCode(String stateCode) {
        this.stateCode = stateCode;
    }

    public boolean isCheckDeniedTokens() {
        return checkDeniedTokens;
    }

    public void setCheckDeniedTokens(boolean checkDeniedTokens) {
        this.checkDeniedTokens = checkDeniedTokens;
    }

    public long getTokenCacheSize() {
        return tokenCacheSize;
    }

    public void setTokenCacheSize(long tokenCacheSize) {
        this.tokenCacheSize = tokenCacheSize;
    }

    public List<String> getOpenPaths() {
        return openPaths;
    }

    public void setOpenPaths(List<String> openPaths) {
        this.openPaths = openPaths;
    }

    public Keycloak getKeycloak() {
        return keycloak;
    }

}
