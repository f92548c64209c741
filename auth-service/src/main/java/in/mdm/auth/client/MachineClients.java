package in.mdm.auth.client;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine clients of the client-credentials grant (treasury, UDISE): an id, a bcrypt-hashed secret and the
 * scopes they may ask for. Registered by an ADMIN (the secret is shown once) or from the configuration.
 */
@Service
@EnableConfigurationProperties(ClientProperties.class)
class MachineClients {

    private static final Logger log = LoggerFactory.getLogger(MachineClients.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ClientProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final String decoyHash;

    MachineClients(JdbcClient jdbc, PasswordEncoder encoder, ClientProperties properties) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
        this.decoyHash = encoder.encode("decoy-" + random.nextLong());
    }

    record Client(String clientId, Set<String> scopes, String description, boolean enabled) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerConfigured() {
        properties.clients().forEach((id, client) -> {
            if (client.secret() == null || client.secret().isBlank()) {
                log.info("Machine client '{}' has no secret configured: not registered from the configuration", id);
                return;
            }
            upsert(id, client.secret(), new LinkedHashSet<>(client.scopes()), client.description());
        });
    }

    @Transactional
    void upsert(String clientId, String secret, Set<String> scopes, String description) {
        Optional<String> hash = jdbc.sql("select secret_hash from machine_clients where client_id = :id for update")
                .param("id", clientId).query(String.class).optional();
        if (hash.isPresent() && encoder.matches(secret, hash.get())) {
            jdbc.sql("update machine_clients set scopes = :scopes, description = :description, updated_at = now() where client_id = :id")
                    .param("scopes", String.join(" ", scopes)).param("description", description).param("id", clientId).update();
            return;
        }
        jdbc.sql("""
                insert into machine_clients (client_id, secret_hash, scopes, description) values (:id, :hash, :scopes, :description)
                on conflict (client_id) do update set secret_hash = excluded.secret_hash, scopes = excluded.scopes,
                    description = excluded.description, updated_at = now()""")
                .param("id", clientId).param("hash", encoder.encode(secret)).param("scopes", String.join(" ", scopes))
                .param("description", description).update();
        log.info("Machine client '{}' registered from the configuration with scopes {}", clientId, scopes);
    }

    /** Registers a new client with a generated secret, returned once. */
    @Transactional
    String create(String clientId, Set<String> scopes, String description) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into machine_clients (client_id, secret_hash, scopes, description) values (:id, :hash, :scopes, :description)")
                .param("id", clientId).param("hash", encoder.encode(secret)).param("scopes", String.join(" ", scopes))
                .param("description", description).update();
        return secret;
    }

    List<Client> list() {
        return jdbc.sql("select client_id, scopes, description, enabled from machine_clients order by client_id")
                .query((rs, row) -> new Client(rs.getString("client_id"), scopes(rs.getString("scopes")),
                        rs.getString("description"), rs.getBoolean("enabled")))
                .list();
    }

    /** The client, if the secret is its own and it is enabled (the same bcrypt work for an unknown id). */
    Optional<Client> authenticate(String clientId, String secret) {
        record Row(Client client, String hash) {
        }
        Optional<Row> row = clientId == null || clientId.length() > 64 ? Optional.empty()
                : jdbc.sql("select client_id, secret_hash, scopes, description, enabled from machine_clients where client_id = :id")
                        .param("id", clientId)
                        .query((rs, n) -> new Row(new Client(rs.getString("client_id"), scopes(rs.getString("scopes")),
                                rs.getString("description"), rs.getBoolean("enabled")), rs.getString("secret_hash")))
                        .optional();
        boolean matches = encoder.matches(secret == null ? "" : secret, row.map(Row::hash).orElse(decoyHash));
        return row.filter(r -> matches && r.client().enabled()).map(Row::client);
    }

    private static Set<String> scopes(String value) {
        return new LinkedHashSet<>(Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }
}
