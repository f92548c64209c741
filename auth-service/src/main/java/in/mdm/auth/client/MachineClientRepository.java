package in.mdm.auth.client;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code machine_clients} table; scopes are stored as one space-separated string. */
@Repository
class MachineClientRepository {

    /** A client with its bcrypt secret hash. */
    record Stored(MachineClients.Client client, String secretHash) {
    }

    private final JdbcClient jdbc;

    MachineClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The client's secret hash, its row locked until the transaction ends. */
    Optional<String> lockSecretHash(String clientId) {
        return jdbc.sql("select secret_hash from machine_clients where client_id = :id for update")
            .param("id", clientId)
            .query(String.class)
            .optional();
    }

    void updateScopes(String clientId, Set<String> scopes, String description) {
        jdbc.sql(
                "update machine_clients set scopes = :scopes, description = :description, updated_at = now() where client_id = :id")
            .param("scopes", String.join(" ", scopes))
            .param("description", description)
            .param("id", clientId)
            .update();
    }

    /**
     * Inserts the client, or replaces the secret, scopes and description of the one with
     * this id.
     */
    void upsert(String clientId, String secretHash, Set<String> scopes, String description) {
        jdbc.sql(
                """
                        insert into machine_clients (client_id, secret_hash, scopes, description) values (:id, :hash, :scopes, :description)
                        on conflict (client_id) do update set secret_hash = excluded.secret_hash, scopes = excluded.scopes,
                            description = excluded.description, updated_at = now()""")
            .param("id", clientId)
            .param("hash", secretHash)
            .param("scopes", String.join(" ", scopes))
            .param("description", description)
            .update();
    }

    void insert(String clientId, String secretHash, Set<String> scopes, String description) {
        jdbc.sql(
                "insert into machine_clients (client_id, secret_hash, scopes, description) values (:id, :hash, :scopes, :description)")
            .param("id", clientId)
            .param("hash", secretHash)
            .param("scopes", String.join(" ", scopes))
            .param("description", description)
            .update();
    }

    List<MachineClients.Client> list() {
        return jdbc.sql("select client_id, scopes, description, enabled from machine_clients order by client_id")
            .query((rs, row) -> new MachineClients.Client(rs.getString("client_id"), scopes(rs.getString("scopes")),
                    rs.getString("description"), rs.getBoolean("enabled")))
            .list();
    }

    Optional<Stored> find(String clientId) {
        return jdbc.sql(
                "select client_id, secret_hash, scopes, description, enabled from machine_clients where client_id = :id")
            .param("id", clientId)
            .query((rs,
                    n) -> new Stored(
                            new MachineClients.Client(rs.getString("client_id"), scopes(rs.getString("scopes")),
                                    rs.getString("description"), rs.getBoolean("enabled")),
                            rs.getString("secret_hash")))
            .optional();
    }

    private static Set<String> scopes(String value) {
        return new LinkedHashSet<>(Arrays.stream(value.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
    }

}
