package in.mdm.auth.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signing_keys} table: each key's JWK, sealed by {@link SecretBox}. */
@Repository
class SigningKeyRepository {

    /**
     * A stored key: its sealed JWK, when it was created and when it was retired (null
     * while it signs).
     */
    record Stored(String sealedJwk, Instant createdAt, Instant retiredAt) {
    }

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void retireCurrent(Instant now) {
        jdbc.sql("update signing_keys set retired_at = :now where retired_at is null")
            .param("now", Timestamp.from(now))
            .update();
    }

    void deleteRetiredBefore(Instant before) {
        jdbc.sql("delete from signing_keys where retired_at < :before")
            .param("before", Timestamp.from(before))
            .update();
    }

    void insert(String kid, String sealedJwk, Instant createdAt) {
        jdbc.sql("insert into signing_keys (kid, jwk, created_at) values (:kid, :jwk, :now)")
            .param("kid", kid)
            .param("jwk", sealedJwk)
            .param("now", Timestamp.from(createdAt))
            .update();
    }

    /** Every key, newest first. */
    List<Stored> all() {
        return jdbc.sql("select kid, jwk, created_at, retired_at from signing_keys order by created_at desc, kid")
            .query((rs, row) -> new Stored(rs.getString("jwk"), rs.getTimestamp("created_at").toInstant(),
                    Optional.ofNullable(rs.getTimestamp("retired_at")).map(Timestamp::toInstant).orElse(null)))
            .list();
    }

}
