package in.mdm.auth.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import in.mdm.auth.AuthProblems;
import in.mdm.auth.audit.AuditAction;
import in.mdm.auth.audit.AuditLog;
import in.mdm.auth.token.TokenService;
import in.mdm.platform.web.ApiException;

/**
 * Signing in with a username, a password and, for a user with a second factor, a one-time
 * code. A wrong password and an unknown user answer the same
 * ({@code auth.invalid-credentials}) after the same bcrypt work; failures count towards
 * the lock; every attempt is audited.
 */
@Service
public class Credentials {

    private final AccountRepository accounts;

    private final PasswordEncoder encoder;

    private final LoginAttempts attempts;

    private final MfaService mfa;

    private final AuditLog audit;

    private final Clock clock;

    /**
     * Checked against when there is no real hash, so that an unknown user costs the same
     * bcrypt time.
     */
    private final String decoyHash;

    Credentials(AccountRepository accounts, PasswordEncoder encoder, LoginAttempts attempts, MfaService mfa,
            AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.attempts = attempts;
        this.mfa = mfa;
        this.audit = audit;
        this.clock = clock;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoyHash = encoder.encode(Base64.getEncoder().encodeToString(random));
    }

    public static ApiException invalidCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, AuthProblems.INVALID_CREDENTIALS,
                "Wrong username or password");
    }

    /**
     * @return who signed in, for the access token
     * @throws ApiException 401 {@code auth.invalid-credentials},
     * {@code auth.account-locked} or {@code auth.otp-required}
     */
    public TokenService.Person signIn(String username, String givenPassword, String otp, String address) {
        String password = givenPassword == null ? "" : givenPassword;
        Optional<AccountRepository.Account> found = find(username);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash);
            audit.failure(AuditAction.LOGIN, null, username, address, "unknown user");
            throw invalidCredentials();
        }
        AccountRepository.Account account = found.get();
        Instant now = clock.instant();
        if (account.status() == UserStatus.LOCKED && account.lockedUntil() != null
                && account.lockedUntil().isAfter(now)) {
            audit.failure(AuditAction.LOGIN, account.id(), username, address, "account locked");
            throw new ApiException(HttpStatus.UNAUTHORIZED, AuthProblems.ACCOUNT_LOCKED,
                    "The account is locked after repeated failed sign-ins; try again later or reset the password");
        }
        boolean passwordOk = encoder.matches(password,
                account.passwordHash() != null ? account.passwordHash() : decoyHash) && account.passwordHash() != null;
        if (!passwordOk) {
            failed(account, address, "wrong password");
            throw invalidCredentials();
        }
        if (account.status() != UserStatus.ACTIVE && account.status() != UserStatus.LOCKED) {
            audit.failure(AuditAction.LOGIN, account.id(), username, address, "account " + account.status());
            throw invalidCredentials();
        }
        if (account.mfaEnabled()) {
            if (otp == null || otp.isBlank()) {
                audit.failure(AuditAction.LOGIN, account.id(), username, address, "one-time code required");
                throw new ApiException(HttpStatus.UNAUTHORIZED, AuthProblems.OTP_REQUIRED,
                        "This account has a second factor: send the one-time code from the authenticator app (otp) or a recovery code");
            }
            if (!mfa.verify(account.id(), mfa.secret(account.id()), otp)) {
                failed(account, address, "wrong one-time code");
                throw invalidCredentials();
            }
        }
        attempts.succeeded(account.id());
        audit.success(AuditAction.LOGIN, account.id(), username, address,
                account.mfaEnabled() ? "with second factor" : null);
        return person(account);
    }

    /**
     * The current role and jurisdiction of an active user, for a refreshed access token;
     * empty if it may no longer sign in.
     */
    public Optional<TokenService.Person> activePerson(UUID userId) {
        return accounts.find(userId)
            .filter(a -> a.status() == UserStatus.ACTIVE || (a.status() == UserStatus.LOCKED && a.lockedUntil() != null
                    && !a.lockedUntil().isAfter(clock.instant())))
            .map(Credentials::person);
    }

    /**
     * Whether the password is the user's (for changing it or turning the second factor
     * off).
     */
    boolean passwordMatches(UUID userId, String password) {
        String hash = accounts.passwordHash(userId).orElse(null);
        return encoder.matches(password == null ? "" : password, hash != null ? hash : decoyHash) && hash != null;
    }

    /** A bcrypt hash of an acceptable password. */
    String hash(String password) {
        return encoder.encode(password);
    }

    private void failed(AccountRepository.Account account, String address, String why) {
        audit.failure(AuditAction.LOGIN, account.id(), account.username(), address, why);
        attempts.failed(account.id(), account.username())
            .ifPresent(until -> audit.failure(AuditAction.ACCOUNT_LOCKED, account.id(), account.username(), address,
                    "locked until " + until));
    }

    private Optional<AccountRepository.Account> find(String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        return accounts.findByUsername(username);
    }

    private static TokenService.Person person(AccountRepository.Account account) {
        return new TokenService.Person(account.id(), account.username(), account.role(), account.jurisdiction());
    }

}
