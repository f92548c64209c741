package in.mdm.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import in.mdm.events.Jurisdiction;

/**
 * Reads a {@link Caller} from the claims of a verified access token, in either of the two
 * shapes the system accepts:
 * <ul>
 * <li>ours (auth-service): {@code roles} as an array, {@code jurisdiction} as an object
 * {@code {"level":"DISTRICT","code":"568"}}, {@code scope} as a space-separated
 * string;</li>
 * <li>Keycloak's: roles under {@code realm_access.roles} mixed with Keycloak's own
 * default roles, the username in {@code preferred_username}, {@code sub} a UUID, and
 * {@code jurisdiction} from a user-attribute mapper as an object or as a JSON
 * string.</li>
 * </ul>
 * An ADMIN whose token names no jurisdiction works for the whole state
 * ({@code stateCode}).
 */
public final class CallerClaims {

    public static final String ROLES = "roles";

    public static final String JURISDICTION = "jurisdiction";

    public static final String SCOPE = "scope";

    public static final String USER_ID = "uid";

    public static final String PREFERRED_USERNAME = "preferred_username";

    public static final String REALM_ACCESS = "realm_access";

    private static final Pattern LEVEL = Pattern.compile("\"level\"\\s*:\\s*\"([A-Za-z]+)\"");

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    private final String stateCode;

    public CallerClaims(String stateCode) {
        this.stateCode = stateCode;
    }

    public Caller caller(Jwt jwt) {
        return caller(jwt.getClaims());
    }

    public Caller caller(Map<String, Object> claims) {
        String subject = string(claims.get("sub"));
        String username = string(claims.get(PREFERRED_USERNAME));
        Set<Role> roles = roles(claims);
        Jurisdiction jurisdiction = jurisdiction(claims.get(JURISDICTION));
        if (jurisdiction == null && roles.contains(Role.ADMIN)) {
            jurisdiction = Jurisdiction.state(stateCode);
        }
        if (jurisdiction == null && roles.isEmpty()) {
            // a machine client acts for the state it is registered with
            jurisdiction = Jurisdiction.state(stateCode);
        }
        return new Caller(subject, username == null ? subject : username, roles, jurisdiction, scopes(claims),
                string(claims.get("jti")), string(claims.get("iss")));
    }

    /**
     * ROLE_x for each role and SCOPE_x for each scope, as Spring Security's expressions
     * expect.
     */
    public static Collection<GrantedAuthority> authorities(Caller caller) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        caller.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        caller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        return authorities;
    }

    private static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        addRoles(roles, claims.get(ROLES));
        if (claims.get(REALM_ACCESS) instanceof Map<?, ?> realm) {
            addRoles(roles, realm.get("roles"));
        }
        return roles;
    }

    private static void addRoles(Set<Role> roles, Object claim) {
        if (claim instanceof Collection<?> names) {
            names.forEach(name -> Role.fromClaim(string(name)).ifPresent(roles::add));
        }
        else if (claim instanceof String name) {
            for (String one : name.split("[,\\s]+")) {
                Role.fromClaim(one).ifPresent(roles::add);
            }
        }
    }

    private static Set<String> scopes(Map<String, Object> claims) {
        Set<String> scopes = new LinkedHashSet<>();
        Object scope = claims.get(SCOPE);
        if (scope instanceof String s) {
            for (String one : s.trim().split("\\s+")) {
                if (!one.isEmpty()) {
                    scopes.add(one);
                }
            }
        }
        else if (scope instanceof Collection<?> list) {
            list.forEach(one -> scopes.add(string(one)));
        }
        if (claims.get("scp") instanceof Collection<?> list) {
            list.forEach(one -> scopes.add(string(one)));
        }
        return scopes;
    }

    static Jurisdiction jurisdiction(Object claim) {
        String level;
        String code;
        if (claim instanceof Map<?, ?> map) {
            level = string(map.get("level"));
            code = string(map.get("code"));
        }
        else if (claim instanceof String json) {
            Matcher l = LEVEL.matcher(json);
            Matcher c = CODE.matcher(json);
            level = l.find() ? l.group(1) : null;
            code = c.find() ? c.group(1) : null;
        }
        else if (claim instanceof List<?> list && list.size() == 1) {
            // Keycloak's user-attribute mapper with "multivalued" on wraps the value in a
            // list
            return jurisdiction(list.getFirst());
        }
        else {
            return null;
        }
        if (level == null || code == null || code.isBlank()) {
            return null;
        }
        try {
            return new Jurisdiction(Jurisdiction.Level.valueOf(level.toUpperCase(Locale.ROOT)), code.trim());
        }
        catch (IllegalArgumentException unknownLevel) {
            return null;
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

}
