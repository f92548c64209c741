package in.mdm.platform.security.servlet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import in.mdm.platform.security.BearerTokens;
import in.mdm.platform.security.CallerAuthentication;
import in.mdm.platform.security.CallerClaims;
import in.mdm.platform.security.TokenChecks;
import in.mdm.platform.security.VerifiedTokens;

/**
 * Every service checks the bearer token of every request (defence in depth behind the
 * gateway): signature by the issuer's JWKS, issuer, audience, expiry and the logout
 * deny-list; then gives controllers the {@link in.mdm.platform.security.Caller}. Method
 * security ({@code @PreAuthorize}) is on. Open without a token: health, metrics, API docs
 * and the service's {@code mdm.security.open-paths}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@EnableConfigurationProperties(MdmSecurityProperties.class)
@EnableMethodSecurity
public class SecurityPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityPlatformAutoConfiguration.class);

    static {
        // the Caller parameter comes from the token, not from the request: keep it out of
        // the OpenAPI documents
        try {
            org.springdoc.core.utils.SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(in.mdm.platform.security.Caller.class);
        }
        catch (LinkageError springdocAbsent) {
            // nothing to hide
        }
    }

    private static final String[] ALWAYS_OPEN = { "/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/error" };

    @Bean
    @ConditionalOnMissingBean
    CallerClaims callerClaims(MdmSecurityProperties properties) {
        return new CallerClaims(properties.getStateCode());
    }

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder mdmJwtDecoder(MdmSecurityProperties properties, ObjectProvider<StringRedisTemplate> redis) {
        Map<String, JwtDecoder> byIssuer = new LinkedHashMap<>();
        byIssuer.put(properties.getIssuer(), IssuerRoutingJwtDecoder.forIssuer(properties.getIssuer(),
                properties.getAudience(), properties.getJwksUri()));
        MdmSecurityProperties.Keycloak keycloak = properties.getKeycloak();
        if (keycloak.isOn()) {
            byIssuer.put(keycloak.getIssuerUri(), IssuerRoutingJwtDecoder.forIssuer(keycloak.getIssuerUri(),
                    properties.getAudience(), keycloak.effectiveJwksUri()));
            log.info("Accepting Keycloak tokens from {}", keycloak.getIssuerUri());
        }
        return new IssuerRoutingJwtDecoder(byIssuer, denied(properties, redis),
                new VerifiedTokens(properties.getTokenCacheSize()));
    }

    private static Predicate<String> denied(MdmSecurityProperties properties,
            ObjectProvider<StringRedisTemplate> redis) {
        if (!properties.isCheckDeniedTokens()) {
            return jti -> false;
        }
        return jti -> {
            StringRedisTemplate template = redis.getIfAvailable();
            // no Redis: a revoked token cannot be told apart, so none is accepted (fail
            // closed)
            return template == null || Boolean.TRUE.equals(template.hasKey(TokenChecks.deniedKey(jti)));
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain mdmSecurityFilterChain(HttpSecurity http, MdmSecurityProperties properties, CallerClaims claims)
            throws Exception {
        Callers.securityEnabled(properties.isEnabled());
        ProblemResponses problems = new ProblemResponses();
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .requestCache(cache -> cache.disable())
            .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (!properties.isEnabled()) {
            log.warn("mdm.security.enabled=false: every request is served as a state-wide ADMIN");
            return http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll()).build();
        }
        List<String> open = properties.getOpenPaths();
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
            auth.requestMatchers(ALWAYS_OPEN).permitAll();
            if (!open.isEmpty()) {
                auth.requestMatchers(open.toArray(String[]::new)).permitAll();
            }
            auth.anyRequest().authenticated();
        });
        http.oauth2ResourceServer(rs -> rs.withObjectPostProcessor(
                new org.springframework.security.config.ObjectPostProcessor<org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter> O postProcess(
                            O filter) {
                        // a token that cannot be checked (keys unreachable) is a 503
                        // problem, not a bare 500
                        filter.setAuthenticationFailureHandler(
                                (request, response, ex) -> problems.commence(request, response, ex));
                        return filter;
                    }
                })
            .bearerTokenResolver(request -> BearerTokens.of(request.getHeader(HttpHeaders.AUTHORIZATION)))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems)
            .jwt(jwt -> jwt
                .jwtAuthenticationConverter(token -> new CallerAuthentication(token, claims.caller(token)))));
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.security.web.firewall.RequestRejectedHandler.class)
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedProblem() {
        return new ProblemResponses();
    }

    @Bean
    WebMvcConfigurer callerArgumentConfigurer(MdmSecurityProperties properties,
            ObjectProvider<MethodSecurityExpressionHandler> expressions) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (properties.isEnabled()) {
                    registry.addInterceptor(
                            new RoleGate(expressions.getIfAvailable(DefaultMethodSecurityExpressionHandler::new)));
                }
            }
        };
    }

}
