package in.mdm.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.context.TestPropertySource;

import in.mdm.testkit.MdmIntegrationTest;

/**
 * auth-service on the kit's real PostgreSQL, Kafka and Redis, with the first ADMIN and a
 * treasury client from the configuration. Every test class uses the same settings, so
 * they share one application context; each test makes its own users (unique names and
 * codes) instead of wiping tables.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
@TestPropertySource(properties = { "mdm.auth.accounts.admin.username=" + Api.ADMIN,
        "mdm.auth.accounts.admin.password=" + Api.ADMIN_PASSWORD,
        "mdm.auth.clients.treasury.secret=" + Api.TREASURY_SECRET,
        "mdm.auth.clients.treasury.scopes=finance:treasury-callback", "mdm.auth.clients.udise.scopes=schools:import",
        "mdm.auth.data-key=" + Api.DATA_KEY, "mdm.crypto.keys." + Api.CRYPTO_OLD_KEY_ID + "=" + Api.CRYPTO_OLD_KEY,
        "mdm.crypto.keys." + Api.CRYPTO_KEY_ID + "=" + Api.CRYPTO_KEY, "mdm.crypto.active-key=" + Api.CRYPTO_KEY_ID,
        "mdm.crypto.index-key=" + Api.CRYPTO_INDEX_KEY,
        // an index key rotation under way: rows indexed under the earlier key are still
        // found
        "mdm.crypto.previous-index-key=" + Api.CRYPTO_OLD_INDEX_KEY,
        // a Keycloak realm stands in as the test kit's issuer under another name
        "mdm.security.keycloak.issuer-uri=" + Api.KEYCLOAK_ISSUER,
        "mdm.security.keycloak.jwks-uri=${mdm.security.jwks-uri}" })
public @interface AuthIntegrationTest {

}
