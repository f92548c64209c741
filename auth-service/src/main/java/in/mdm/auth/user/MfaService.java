package in.mdm.auth.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.warrenstrange.googleauth.GoogleAuthenticator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.auth.AuthProblems;
import in.mdm.platform.web.ApiException;

/**
 * The second factor: a TOTP secret for an authenticator app (enrol, confirm with a first
 * code, disable) and ten one-time recovery codes given out at confirmation (only their
 * SHA-256 is kept).
 */
@Service
class MfaService {

    static final int RECOVERY_CODES = 10;

    private static final long STEP_MILLIS = 30_000;

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final MfaRepository mfa;

    private final GoogleAuthenticator totp;

    private final java.time.Clock clock;

    private final SecureRandom random = new SecureRandom();

    private final in.mdm.auth.token.SecretBox box;

    private final UserAudit audit;

    MfaService(MfaRepository mfa, GoogleAuthenticator totp, java.time.Clock clock, in.mdm.auth.token.SecretBox box,
            UserAudit audit) {
        this.box = box;
        this.audit = audit;
        this.mfa = mfa;
        this.totp = totp;
        this.clock = clock;
    }

    record Enrolment(String secret, String otpauthUri) {
    }

    @Transactional
    Enrolment enroll(UUID userId, String username) {
        boolean enabled = mfa.lockEnabled(userId);
        if (enabled) {
            throw ApiException.conflict(AuthProblems.MFA_ALREADY_ENABLED,
                    "The second factor is already on; disable it first");
        }
        String secret = totp.createCredentials().getKey();
        mfa.setPendingSecret(userId, box.seal(secret));
        String label = URLEncoder.encode("MDM Twin:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + secret
                + "&issuer=MDM%20Twin&algorithm=SHA1&digits=6&period=30";
        return new Enrolment(secret, uri);
    }

    /**
     * Turns the second factor on with a first code from the app; gives out fresh recovery
     * codes.
     */
    @Transactional
    List<String> confirm(UUID userId, String code) {
        String pending = box.open(mfa.lockPendingSecret(userId).orElse(null));
        if (pending == null) {
            throw ApiException.conflict(AuthProblems.MFA_NOT_ENROLLING, "Start with POST /api/v1/auth/mfa/enroll");
        }
        String digits = normalize(code);
        long step = digits.matches("[0-9]{6}") ? matchingStep(pending, Integer.parseInt(digits)) : -1;
        if (step < 0) {
            throw ApiException.badRequest(AuthProblems.MFA_CODE_INVALID, "The code does not match the new secret");
        }
        mfa.enable(userId, step);
        mfa.deleteRecoveryCodes(userId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            mfa.insertRecoveryCode(userId, AccountTokens.digest(normalize(recovery)));
        }
        audit.changed("user.mfa-enable", userId, java.util.Map.of("mfaEnabled", false),
                java.util.Map.of("mfaEnabled", true, "recoveryCodes", RECOVERY_CODES));
        return codes;
    }

    @Transactional
    void disable(UUID userId) {
        mfa.disable(userId);
        mfa.deleteRecoveryCodes(userId);
        audit.changed("user.mfa-disable", userId, java.util.Map.of("mfaEnabled", true),
                java.util.Map.of("mfaEnabled", false));
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
            return step >= 0 && mfa.useStep(userId, step);
        }
        if (code.length() != 10) {
            return false;
        }
        return mfa.useRecoveryCode(userId, AccountTokens.digest(code));
    }

    boolean isEnabled(UUID userId) {
        return mfa.isEnabled(userId);
    }

    String secret(UUID userId) {
        return box.open(mfa.secret(userId).orElse(null));
    }

    int unusedRecoveryCodes(UUID userId) {
        return mfa.unusedRecoveryCodes(userId);
    }

    /**
     * The 30-second step (the previous, current or next one) whose code this is, or -1.
     */
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
