package in.mdm.auth.user;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.warrenstrange.googleauth.GoogleAuthenticatorConfig;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountProperties.class)
class CredentialsConfiguration {

    /** bcrypt, cost 12 (also for machine clients' secrets). */
    @Bean
    PasswordEncoder passwordEncoder(AccountProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    /**
     * TOTP: SHA-1, 6 digits, 30 s steps, one step of drift either way (what authenticator
     * apps do).
     */
    @Bean
    GoogleAuthenticator totp() {
        return new GoogleAuthenticator(
                new GoogleAuthenticatorConfig.GoogleAuthenticatorConfigBuilder().setWindowSize(3).build());
    }

}
