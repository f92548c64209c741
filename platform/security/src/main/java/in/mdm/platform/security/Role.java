package in.mdm.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The three kinds of people who use the system. ADMIN works for the state, an OFFICER for
 * one district or one block, SCHOOL is a headmaster of one school. Machine clients have
 * no role, only scopes.
 */
public enum Role {

    ADMIN, OFFICER, SCHOOL;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /**
     * Reads a role name from a token. Our tokens carry the names as they are; Keycloak
     * realm roles may be written in any case and with an {@code mdm-} or {@code mdm_}
     * prefix. Other names (Keycloak's {@code offline_access},
     * {@code default-roles-<realm>} ...) are not roles of ours.
     */
    public static Optional<Role> fromClaim(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("MDM-") || n.startsWith("MDM_")) {
            n = n.substring(4);
        }
        for (Role role : values()) {
            if (role.name().equals(n)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

}
