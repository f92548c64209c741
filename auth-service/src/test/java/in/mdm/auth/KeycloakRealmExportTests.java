package in.mdm.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak realm export of deploy/keycloak gives tokens the shape the services read:
 * our three roles, the audience {@code mdm-twin}, a {@code jurisdiction} object; it
 * carries no users and no secrets.
 */
class KeycloakRealmExportTests {

    private static final Path EXPORT = Path.of("..", "deploy", "keycloak", "mdm-realm.json");

    @Test
    @SuppressWarnings("unchecked")
    void theRealmHasOurRolesAndEveryClientMapsAudienceRolesAndJurisdiction() throws Exception {
        String json = Files.readString(EXPORT);
        Map<String, Object> realm = JSONObjectUtils.parse(json);

        assertThat(realm).containsEntry("realm", "mdm")
            .containsEntry("bruteForceProtected", true)
            .containsEntry("accessTokenLifespan", 900L)
            .doesNotContainKeys("users", "clientScopes");
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) realm.get("roles"))
            .get("realm");
        assertThat(roles).extracting(r -> r.get("name")).containsExactly("ADMIN", "OFFICER", "SCHOOL");

        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        assertThat(clients).extracting(c -> c.get("clientId")).containsExactly("mdm-gateway", "mdm-web");
        for (Map<String, Object> client : clients) {
            assertThat(client).doesNotContainKey("secret");
            List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.get("protocolMappers");
            Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
            mappers.forEach(m -> byName.put((String) m.get("name"), (Map<String, Object>) m.get("config")));
            assertThat(byName.get("audience-mdm-twin")).containsEntry("included.custom.audience", "mdm-twin")
                .containsEntry("access.token.claim", "true");
            assertThat(byName.get("roles")).containsEntry("claim.name", "roles").containsEntry("multivalued", "true");
            assertThat(byName.get("jurisdiction")).containsEntry("user.attribute", "jurisdiction")
                .containsEntry("claim.name", "jurisdiction")
                .containsEntry("jsonType.label", "JSON");
        }
        assertThat(json).doesNotContainIgnoringCase("\"password\"").doesNotContain("mdm-api");
    }

}
