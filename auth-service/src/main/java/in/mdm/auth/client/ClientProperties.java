package in.mdm.auth.client;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mdm.auth.clients.<client id>.*}: machine clients registered from the
 * configuration. The secret comes from the environment
 * ({@code MDM_TREASURY_CLIENT_SECRET}, {@code MDM_UDISE_CLIENT_SECRET}); a client without
 * a secret is not registered.
 */
@ConfigurationProperties("mdm.auth")
record ClientProperties(Map<String, Client> clients) {

    ClientProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    record Client(String secret, List<String> scopes, String description) {

        Client {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }
}
