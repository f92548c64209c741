package in.mdm.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified access token together with the {@link Caller} it names. */
public class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    public CallerAuthentication(Jwt jwt, Caller caller) {
        super(jwt, CallerClaims.authorities(caller), caller.username());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

}
