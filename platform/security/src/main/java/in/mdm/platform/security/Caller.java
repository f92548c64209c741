package in.mdm.platform.security;

import java.util.Set;

import in.mdm.events.Jurisdiction;

/**
 * Who is calling, as an access token says: a person with roles and one jurisdiction, or a
 * machine client with scopes.
 *
 * @param subject the token's {@code sub} (a username for our tokens, a UUID for
 * Keycloak's, a client id)
 * @param username the person's username ({@code preferred_username}, else {@code sub})
 * @param roles roles of ours; empty for a machine client
 * @param jurisdiction what the caller may see; {@code null} when the token names none
 * (such a caller sees nothing)
 * @param scopes OAuth2 scopes
 * @param tokenId the token's {@code jti}
 * @param issuer the token's {@code iss}
 */
public record Caller(String subject, String username, Set<Role> roles, Jurisdiction jurisdiction, Set<String> scopes,
        String tokenId, String issuer) {

    public Caller {
        roles = Set.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    /** A client-credentials client, not a person. */
    public boolean isMachine() {
        return roles.isEmpty();
    }

    /** The jurisdiction's level, or {@code null} when the token names none. */
    public Jurisdiction.Level level() {
        return jurisdiction == null ? null : jurisdiction.level();
    }

    /**
     * Whether something located in this district, block and school lies inside the
     * caller's jurisdiction ({@link JurisdictionScope#covers}). Any of the three may be
     * {@code null} when the thing has no such location (a district-wide record has no
     * school); a caller whose level needs the missing part is not covered.
     */
    public boolean covers(String districtCode, String blockCode, String udiseCode) {
        return JurisdictionScope.of(this).covers(districtCode, blockCode, udiseCode);
    }
}
