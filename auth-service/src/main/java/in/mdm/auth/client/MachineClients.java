package in.mdm.auth.client;

import java.security.SecureRandom;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine clients of the client-credentials grant (treasury, UDISE): an id, a
 * bcrypt-hashed secret and the scopes they may ask for. Registered by an ADMIN (the
 * secret is shown once) or from the configuration.
 */
@Service
@EnableConfigurationProperties(ClientProperties.class)
class MachineClients {

    private static final Logger log = LoggerFactory.getLogger(MachineClients.class);

    private final MachineClientRepository clients;

    private final PasswordEncoder encoder;

    private final ClientProperties properties;

    private final SecureRandom random = new SecureRandom();

    private final String decoyHash;

    MachineClients(MachineClientRepository clients, PasswordEncoder encoder, ClientProperties properties) {
        this.clients = clients;
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
        Optional<String> hash = clients.lockSecretHash(clientId);
        if (hash.isPresent() && encoder.matches(secret, hash.get())) {
            clients.updateScopes(clientId, scopes, description);
            return;
        }
        clients.upsert(clientId, encoder.encode(secret), scopes, description);
        log.info("Machine client '{}' registered from the configuration with scopes {}", clientId, scopes);
    }

    /** Registers a new client with a generated secret, returned once. */
    @Transactional
    String create(String clientId, Set<String> scopes, String description) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        clients.insert(clientId, encoder.encode(secret), scopes, description);
        return secret;
    }

    List<Client> list() {
        return clients.list();
    }

    /**
     * The client, if the secret is its own and it is enabled (the same bcrypt work for an
     * unknown id).
     */
    Optional<Client> authenticate(String clientId, String secret) {
        Optional<MachineClientRepository.Stored> row = clientId == null || clientId.length() > 64 ? Optional.empty()
                : clients.find(clientId);
        boolean matches = encoder.matches(secret == null ? "" : secret,
                row.map(MachineClientRepository.Stored::secretHash).orElse(decoyHash));
        return row.filter(r -> matches && r.client().enabled()).map(MachineClientRepository.Stored::client);
    }

}
