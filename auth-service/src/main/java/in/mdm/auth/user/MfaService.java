package in.mdm.auth.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.warrenstrange.googleauth.GoogleAuthenticator;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;

/**
 * The second factor: a TOTP secret for an authenticator app (enrol, confirm with a first code, disable) and ten
 * one-time recovery codes given out at confirmation (only their SHA-256 is kept).
 */
@Service
class MfaService {

    static final int RECOVERY_CODES = 10;
    private static final long STEP_MILLIS = 30_000;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final JdbcClient jdbc;
    private final GoogleAuthenticator totp;
    private final java.time.Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final in.mdm.auth.token.SecretBox box;

    MfaService(JdbcClient jdbc, GoogleAuthenticator totp, java.time.Clock clock, in.mdm.auth.token.SecretBox box) {
        this.box = box;
        this.jdbc = jdbc;
        this.totp = totp;
        this.clock = clock;
    }

    record Enrolment(String secret, String otpauthUri) {
    }

    @Transactional
    Enrolment enroll(UUID userId, String username) {
        boolean enabled = jdbc.sql("select mfa_enabled_at is not null from users where id = :id for update")
                .param("id", userId).query(Boolean.class).single();
        if (enabled) {
            throw ApiException.conflict("auth.mfa.already-enabled", "The second factor is already on; disable it first");
        }
        String secret = totp.createCredentials().getKey();
        jdbc.sql("update users set mfa_pending_secret = :secret, updated_at = now() where id = :id")
                .param("secret", box.seal(secret)).param("id", userId).update();
        String label = URLEncoder.encode("MDM Twin:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + secret
                + "&issuer=MDM%20Twin&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(secret, uri);
    }

    /** Turns the second factor on with a first code from the app; gives out fresh recovery codes. */
    @Transactional
    List<String> confirm(UUID userId, String code) {
        String pending = box.open(jdbc.sql("select mfa_pending_secret from users where id = :id for update")
                .param("id", userId).query(String.class).optional().orElse(null));
        if (pending == null) {
            throw ApiException.conflict("auth.mfa.not-enrolling", "Start with POST /api/v1/auth/mfa/enroll");
        }
        String digits = normalize(code);
        long step = digits.matches("[0-9]{6}") ? matchingStep(pending, Integer.parseInt(digits)) : -1;
        if (step < 0) {
            throw ApiException.badRequest("auth.mfa.code-invalid", "The code does not match the new secret");
        }
        jdbc.sql("""
                update users set mfa_secret = mfa_pending_secret, mfa_pending_secret = null, mfa_enabled_at = now(),
                                 mfa_last_step = :step, updated_at = now()
                where id = :id""").param("id", userId).param("step", step).update();
        jdbc.sql("delete from mfa_recovery_codes where user_id = :id").param("id", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            jdbc.sql("insert into mfa_recovery_codes (user_id, code_hash) values (:id, :hash)")
                    .param("id", userId).param("hash", AccountTokens.digest(normalize(recovery))).update();
        }
        return codes;
    }

    @Transactional
    void disable(UUID userId) {
        jdbc.sql("""
                update users set mfa_secret = null, mfa_pending_secret = null, mfa_enabled_at = null, mfa_last_step = null,
                                 updated_at = now()
                where id = :id""").param("id", userId).update();
        jdbc.sql("delete from mfa_recovery_codes where user_id = :id").param("id", userId).update();
    }

    /** A current TOTP code, or an unused recovery code (which is used up). */
    boolean verify(UUID userId, String secret, String otp) {
        if (otp == null || secret == null) {
            return false;
        }
        String code = normalize(otp);
        if (code.matches("[0-9]{6}")) {
            // a code is good once: its time step must be later than the last one used
            long step = matchingStep(secret, Integer.parseInt(code));
            return step >= 0 && jdbc.sql("""
                    update users set mfa_last_step = :step
                    where id = :id and (mfa_last_step is null or mfa_last_step < :step)""")
                    .param("step", step).param("id", userId).update() == 1;
        }
        if (code.length() != 10) {
            return false;
        }
        return jdbc.sql("""
                update mfa_recovery_codes set used_at = now()
                where user_id = :id and code_hash = :hash and used_at is null""")
                .param("id", userId).param("hash", AccountTokens.digest(code)).update() == 1;
    }

    boolean isEnabled(UUID userId) {
        return jdbc.sql("select mfa_enabled_at is not null from users where id = :id").param("id", userId)
                .query(Boolean.class).optional().orElse(false);
    }

    String secret(UUID userId) {
        return box.open(jdbc.sql("select mfa_secret from users where id = :id").param("id", userId).query(String.class)
                .optional().orElse(null));
    }

    int unusedRecoveryCodes(UUID userId) {
        return jdbc.sql("select count(*) from mfa_recovery_codes where user_id = :id and used_at is null")
                .param("id", userId).query(Integer.class).single();
    }

    /** The 30-second step (the previous, current or next one) whose code this is, or -1. */
    private long matchingStep(String secret, int code) {
        long now = clock.millis() / STEP_MILLIS;
        for (long step = now - 1; step <= now + 1; step++) {
            if (totp.getTotpPassword(secret, step * STEP_MILLIS) == code) {
                return step;
            }
        }
        return -1;
    }

    private String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static String normalize(String code) {
        return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
