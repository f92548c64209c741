package in.mdm.auth.user;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.auth.AuthProblems;
import in.mdm.platform.web.ConstraintCodes;
import in.mdm.platform.web.ConstraintCodes.Conflict;

@Configuration(proxyBeanMethods = false)
class UserConstraints {

    @Bean
    ConstraintCodes userConstraintCodes() {
        return new ConstraintCodes(Map.of("users_username_key",
                new Conflict(AuthProblems.USER_DUPLICATE_USERNAME, "A user with this username already exists"),
                "users_email_key",
                new Conflict(AuthProblems.USER_DUPLICATE_EMAIL, "A user with this e-mail address already exists"),
                "users_plain_email_key",
                new Conflict(AuthProblems.USER_DUPLICATE_EMAIL, "A user with this e-mail address already exists"),
                "machine_clients_pkey",
                new Conflict(AuthProblems.CLIENT_DUPLICATE_ID, "A machine client with this id already exists")));
    }

}
