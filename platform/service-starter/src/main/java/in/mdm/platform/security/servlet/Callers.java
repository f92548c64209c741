package in.mdm.platform.security.servlet;

import java.util.Set;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.CallerAuthentication;
import in.mdm.platform.security.Role;

/**
 * The caller of the current request. A controller usually takes a {@link Caller}
 * parameter instead.
 */
public final class Callers {

    /**
     * Who calls when a module runs with {@code mdm.security.enabled=false}: the whole
     * state, as an ADMIN.
     */
    public static final Caller UNSECURED = new Caller("unsecured", "unsecured", Set.of(Role.ADMIN),
            Jurisdiction.state("33"), Set.of(), null, null);

    private static volatile boolean securityEnabled = true;

    private Callers() {
    }

    static void securityEnabled(boolean enabled) {
        securityEnabled = enabled;
    }

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication ca) {
            return ca.caller();
        }
        if (!securityEnabled) {
            return UNSECURED;
        }
        throw new AuthenticationCredentialsNotFoundException("No access token");
    }

}
