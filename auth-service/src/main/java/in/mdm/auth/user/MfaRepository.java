package in.mdm.auth.user;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second factor's columns of the {@code users} table (secrets sealed by the caller)
 * and the {@code mfa_recovery_codes} table (SHA-256 of each code).
 */
@Repository
class MfaRepository {

    private final JdbcClient jdbc;

    MfaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the second factor is on, the user's row locked until the transaction ends.
     */
    boolean lockEnabled(UUID userId) {
        return jdbc.sql("select mfa_enabled_at is not null from users where id = :id for update")
            .param("id", userId)
            .query(Boolean.class)
            .single();
    }

    void setPendingSecret(UUID userId, String sealedSecret) {
        jdbc.sql("update users set mfa_pending_secret = :secret, updated_at = now() where id = :id")
            .param("secret", sealedSecret)
            .param("id", userId)
            .update();
    }

    /**
     * The secret waiting for its first code, the user's row locked until the transaction
     * ends.
     */
    Optional<String> lockPendingSecret(UUID userId) {
        return jdbc.sql("select mfa_pending_secret from users where id = :id for update")
            .param("id", userId)
            .query(String.class)
            .optional();
    }

    /**
     * The pending secret becomes the secret; {@code step} is the time step of the code
     * that confirmed it.
     */
    void enable(UUID userId, long step) {
        jdbc.sql("""
                update users set mfa_secret = mfa_pending_secret, mfa_pending_secret = null, mfa_enabled_at = now(),
                                 mfa_last_step = :step, updated_at = now()
                where id = :id""").param("id", userId).param("step", step).update();
    }

    void disable(UUID userId) {
        jdbc.sql(
                """
                        update users set mfa_secret = null, mfa_pending_secret = null, mfa_enabled_at = null, mfa_last_step = null,
                                         updated_at = now()
                        where id = :id""")
            .param("id", userId)
            .update();
    }

    void deleteRecoveryCodes(UUID userId) {
        jdbc.sql("delete from mfa_recovery_codes where user_id = :id").param("id", userId).update();
    }

    void insertRecoveryCode(UUID userId, String codeHash) {
        jdbc.sql("insert into mfa_recovery_codes (user_id, code_hash) values (:id, :hash)")
            .param("id", userId)
            .param("hash", codeHash)
            .update();
    }

    /**
     * Records the time step of a code just used, if it is later than the last one
     * used; @return whether it was
     */
    boolean useStep(UUID userId, long step) {
        return jdbc.sql("""
                update users set mfa_last_step = :step
                where id = :id and (mfa_last_step is null or mfa_last_step < :step)""")
            .param("step", step)
            .param("id", userId)
            .update() == 1;
    }

    /** Uses up an unused recovery code; @return whether there was one with this hash */
    boolean useRecoveryCode(UUID userId, String codeHash) {
        return jdbc.sql("""
                update mfa_recovery_codes set used_at = now()
                where user_id = :id and code_hash = :hash and used_at is null""")
            .param("id", userId)
            .param("hash", codeHash)
            .update() == 1;
    }

    boolean isEnabled(UUID userId) {
        return jdbc.sql("select mfa_enabled_at is not null from users where id = :id")
            .param("id", userId)
            .query(Boolean.class)
            .optional()
            .orElse(false);
    }

    Optional<String> secret(UUID userId) {
        return jdbc.sql("select mfa_secret from users where id = :id")
            .param("id", userId)
            .query(String.class)
            .optional();
    }

    int unusedRecoveryCodes(UUID userId) {
        return jdbc.sql("select count(*) from mfa_recovery_codes where user_id = :id and used_at is null")
            .param("id", userId)
            .query(Integer.class)
            .single();
    }

}
