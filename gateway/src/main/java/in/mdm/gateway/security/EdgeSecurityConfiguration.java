package in.mdm.gateway.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authorization.AuthorityReactiveAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import in.mdm.gateway.GatewayProblems;
import in.mdm.gateway.problem.Problems;
import in.mdm.platform.security.BearerTokens;
import in.mdm.platform.security.CallerAuthentication;
import in.mdm.platform.security.CallerClaims;
import in.mdm.platform.security.Role;
import in.mdm.platform.security.VerifiedTokens;

/**
 * Edge authentication: every route needs a valid bearer token (ours or the Keycloak
 * realm's) except the open ones of {@code mdm.security.open} (login, refresh, activation,
 * password reset, JWKS and discovery, signed webhooks), health and the API docs. Role
 * rules ({@code mdm.security.rules}) give a 403 at the edge; a machine client (scopes, no
 * role) reaches only the routes a rule grants one of its scopes. The services check roles
 * and jurisdiction again. 401 and 403 are problems like every other error.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurityConfiguration {

    private static final String[] ALWAYS_OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/api/docs", "/api/docs/**", "/v3/api-docs/**", "/webjars/**", "/fallback/**",
            // the dashboard's pages and its sign-in (the page's API calls carry the
            // session's token)
            "/", "/index.html", "/app/**", "/ui/session", "/ui/session/**" };

    private static final String[] PEOPLE = java.util.Arrays.stream(Role.values())
        .map(Role::authority)
        .toArray(String[]::new);

    @Bean
    CallerClaims callerClaims(EdgeSecuritySettings settings) {
        return new CallerClaims(settings.stateCode());
    }

    @Bean
    ReactiveJwtDecoder edgeJwtDecoder(EdgeSecuritySettings settings, ReactiveStringRedisTemplate redis) {
        Map<String, ReactiveJwtDecoder> byIssuer = new LinkedHashMap<>();
        byIssuer.put(settings.issuer(), EdgeJwtDecoder.forIssuer(settings.issuer(), settings.audience(),
                settings.jwksUri(), settings.keysRefetchInterval()));
        if (settings.keycloak().on()) {
            byIssuer.put(settings.keycloak().issuerUri(), EdgeJwtDecoder.forIssuer(settings.keycloak().issuerUri(),
                    settings.audience(), settings.keycloak().effectiveJwksUri(), settings.keysRefetchInterval()));
        }
        return new EdgeJwtDecoder(byIssuer, redis, new VerifiedTokens(settings.tokenCacheSize()));
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, EdgeSecuritySettings settings,
            ReactiveJwtDecoder decoder, CallerClaims claims, JsonMapper json) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .headers(EdgeSecurityConfiguration::securityHeaders)
            .authorizeExchange(exchanges -> {
                exchanges.pathMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                exchanges.pathMatchers(ALWAYS_OPEN).permitAll();
                for (EdgeSecuritySettings.Route open : settings.open()) {
                    exchanges.matchers(matcher(open.paths(), open.methods())).permitAll();
                }
                for (EdgeSecuritySettings.Rule rule : settings.rules()) {
                    String[] authorities = rule.authorities()
                        .stream()
                        .map(a -> a.startsWith("SCOPE_") || a.startsWith("ROLE_") ? a : "ROLE_" + a)
                        .toArray(String[]::new);
                    exchanges.matchers(matcher(rule.paths(), rule.methods()))
                        .access(AuthorityReactiveAuthorizationManager.hasAnyAuthority(authorities));
                }
                // people: any route; machine clients (no role): only the routes a rule
                // grants their scopes
                exchanges.anyExchange().hasAnyAuthority(PEOPLE);
            })
            .oauth2ResourceServer(rs -> rs.bearerTokenConverter(EdgeSecurityConfiguration::bearerToken)
                .jwt(jwt -> jwt.jwtDecoder(decoder)
                    .jwtAuthenticationConverter(
                            token -> Mono.just(new CallerAuthentication(token, claims.caller(token)))))
                // a token that cannot be checked now (the issuer's keys or Redis
                // unreachable) is a 503 to retry
                .authenticationFailureHandler((filterExchange, ex) -> ex instanceof AuthenticationServiceException
                        ? unavailable(filterExchange.getExchange(), json)
                        : problem(filterExchange.getExchange(), json, HttpStatus.UNAUTHORIZED,
                                GatewayProblems.TOKEN_INVALID, "The access token is invalid, expired or revoked"))
                .authenticationEntryPoint((exchange, ex) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                        exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                                ? GatewayProblems.TOKEN_INVALID : GatewayProblems.UNAUTHENTICATED,
                        exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                                ? "The access token is invalid, expired or revoked"
                                : "A bearer access token is required"))
                .accessDeniedHandler((exchange, ex) -> problem(exchange, json, HttpStatus.FORBIDDEN,
                        GatewayProblems.FORBIDDEN, "Your role may not do this")))
            .exceptionHandling(ex -> ex
                .authenticationEntryPoint((exchange, e) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                        GatewayProblems.UNAUTHENTICATED, "A bearer access token is required"))
                .accessDeniedHandler((exchange, e) -> problem(exchange, json, HttpStatus.FORBIDDEN,
                        GatewayProblems.FORBIDDEN, "Your role may not do this")));
        return http.build();
    }

    /**
     * The headers every answer of the edge carries, the services' included: no sniffing,
     * no framing, no referrer, a content policy that lets only the API documentation's
     * own scripts and styles run, no browser features, and HSTS on every answer (browsers
     * heed it only over HTTPS, which the ingress terminates; Spring Security would send
     * it only on requests that arrived over TLS here).
     */
    static void securityHeaders(ServerHttpSecurity.HeaderSpec headers) {
        headers.contentTypeOptions(Customizer.withDefaults())
            .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
            .referrerPolicy(
                    referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
            .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY))
            .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
            .writer(StaticServerHttpHeadersWriter.builder()
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .build());
    }

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
            + "form-action 'self'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /** The request's bearer token, read without Spring Security's per-request pattern. */
    private static Mono<Authentication> bearerToken(ServerWebExchange exchange) {
        try {
            String token = BearerTokens.of(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
            return token == null ? Mono.empty() : Mono.just(new BearerTokenAuthenticationToken(token));
        }
        catch (OAuth2AuthenticationException ex) {
            return Mono.error(ex);
        }
    }

    private static ServerWebExchangeMatcher matcher(java.util.List<String> paths, java.util.List<String> methods) {
        String[] patterns = paths.toArray(String[]::new);
        if (methods.isEmpty()) {
            return ServerWebExchangeMatchers.pathMatchers(patterns);
        }
        return ServerWebExchangeMatchers.matchers(methods.stream()
            .map(m -> ServerWebExchangeMatchers.pathMatchers(HttpMethod.valueOf(m), patterns))
            .toArray(ServerWebExchangeMatcher[]::new));
    }

    private static Mono<Void> unavailable(ServerWebExchange exchange, JsonMapper json) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return problem(exchange, json, HttpStatus.SERVICE_UNAVAILABLE, GatewayProblems.VERIFICATION_UNAVAILABLE,
                "The access token cannot be verified right now; retry shortly");
    }

    private static Mono<Void> problem(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String code,
            String detail) {
        ProblemDetail problem = Problems.of(status, code, detail);
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        byte[] body = json.writeValueAsBytes(Problems.members(problem));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders()
                .set(HttpHeaders.WWW_AUTHENTICATE,
                        GatewayProblems.TOKEN_INVALID.equals(code) ? "Bearer error=\"invalid_token\"" : "Bearer");
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

}
