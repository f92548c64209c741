package in.mdm.auth.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.platform.web.ConstraintCodes;
import in.mdm.platform.web.ConstraintCodes.Conflict;

@Configuration(proxyBeanMethods = false)
class UserConstraints {

    @Bean
    ConstraintCodes userConstraintCodes() {
        return new ConstraintCodes(Map.of(
                "users_username_key", new Conflict("auth.user.duplicate-username", "A user with this username already exists"),
                "users_email_key", new Conflict("auth.user.duplicate-email", "A user with this e-mail address already exists"),
                "machine_clients_pkey", new Conflict("auth.client.duplicate-id", "A machine client with this id already exists")));
    }
}
