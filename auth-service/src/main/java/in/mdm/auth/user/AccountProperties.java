package in.mdm.auth.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mdm.auth.accounts.*}.
 *
 * @param activationTtl how long an activation token works (24 h)
 * @param resetTtl how long a password-reset token works (30 min)
 * @param lockout brute-force protection
 * @param admin the first ADMIN, created at start when there is none
 * @param bcryptStrength bcrypt cost (12)
 * @param resetMinResponse a reset request is answered no sooner than this, known account
 * or not
 */
@ConfigurationProperties("mdm.auth.accounts")
public record AccountProperties(@DefaultValue("24h") Duration activationTtl, @DefaultValue("30m") Duration resetTtl,
        @DefaultValue Lockout lockout, @DefaultValue Admin admin, @DefaultValue("12") int bcryptStrength,
        @DefaultValue("150ms") Duration resetMinResponse) {

    /**
     * @param maxFailures failed sign-ins within {@code window} that lock the account
     * @param window the span failures are counted over
     * @param duration how long the account stays locked
     */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration duration) {
    }

    /**
     * @param username {@code MDM_ADMIN_USERNAME}
     * @param password {@code MDM_ADMIN_PASSWORD}; without it no admin is created (and a
     * warning says so)
     * @param email the admin's e-mail address
     * @param stateCode the state's LGD code
     */
    public record Admin(@DefaultValue("admin") String username, String password,
            @DefaultValue("mdm.admin@mdm-twin.local") String email, @DefaultValue("33") String stateCode) {
    }
}
