package in.mdm.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway on a random port with the routes of config-repo/gateway.yml, a real Redis
 * (rate limits), and WireMock as the services behind {@code lb://}: school, finance, ml,
 * optimization and auth resolve to WireMock, report-service to a port nobody listens on,
 * notification-service to no instance at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class GatewayIntegrationTests {

    static final WireMockServer backend = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static final int closedPort = closedPort();

    static {
        backend.start();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> Infrastructure.redis().port());
        TestTokens.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        for (String service : List.of("auth-service", "school-service", "finance-service", "ml-service",
                "alert-service", "optimization-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri",
                    () -> "http://127.0.0.1:" + backend.port());
        }
        registry.add("spring.cloud.discovery.client.simple.instances.report-service[0].uri",
                () -> "http://127.0.0.1:" + closedPort);
        // a short time limit for ml-service only, and tiny limits for the
        // optimization-service route only
        registry.add("resilience4j.timelimiter.configs.ml-service.timeout-duration", () -> "1s");
        registry.add(
                "spring.cloud.gateway.server.webflux.redis-rate-limiter.config[optimization-service].replenish-rate",
                () -> "1");
        registry.add(
                "spring.cloud.gateway.server.webflux.redis-rate-limiter.config[optimization-service].burst-capacity",
                () -> "2");
    }

    @AfterAll
    static void stopBackend() {
        backend.stop();
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    @Autowired
    RouteLocator routes;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @Autowired
    BulkheadRegistry bulkheads;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
        // routing, resilience and limits are what these tests are about: they call as a
        // state ADMIN
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin()).build();
    }

    @Test
    void routedCallReachesTheServiceWithTheCallersRequestId() {
        backend.stubFor(
                get("/api/v1/schools/33010100101").willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody("{\"udiseCode\":\"33010100101\",\"name\":\"PUMS Kovilpatti\"}")));

        client.get()
            .uri("/api/v1/schools/33010100101")
            .header("X-Request-Id", "trace-me-42")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals("X-Request-Id", "trace-me-42")
            .expectBody()
            .json("{\"udiseCode\":\"33010100101\",\"name\":\"PUMS Kovilpatti\"}");

        backend.verify(getRequestedFor(urlEqualTo("/api/v1/schools/33010100101")).withHeader("X-Request-Id",
                equalTo("trace-me-42")));
    }

    @Test
    void unsafeOrMissingRequestIdIsReplacedByOneTheServiceAlsoSees() {
        backend
            .stubFor(get(urlPathEqualTo("/api/v1/districts")).willReturn(aResponse().withStatus(200).withBody("[]")));

        String unsafe = client.get()
            .uri("/api/v1/districts")
            .header("X-Request-Id", "<script>alert(1)</script>")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");
        String missing = client.get()
            .uri("/api/v1/districts")
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseHeaders()
            .getFirst("X-Request-Id");

        assertThat(unsafe).matches("[0-9a-f-]{36}");
        assertThat(missing).matches("[0-9a-f-]{36}").isNotEqualTo(unsafe);
        List<LoggedRequest> seen = backend.findAll(getRequestedFor(urlPathEqualTo("/api/v1/districts")));
        assertThat(seen).extracting(r -> r.getHeader("X-Request-Id")).containsExactly(unsafe, missing);
    }

    @Test
    void requestBodyIsForwarded() {
        backend.stubFor(post("/api/v1/financial/allocations/calculate").willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"allocationId\":7}")));

        client.post()
            .uri("/api/v1/financial/allocations/calculate")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"districtCode\":\"603\",\"academicYear\":\"2025-26\"}")
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody()
            .jsonPath("$.allocationId")
            .isEqualTo(7);

        backend.verify(postRequestedFor(urlEqualTo("/api/v1/financial/allocations/calculate"))
            .withRequestBody(equalToJson("{\"districtCode\":\"603\",\"academicYear\":\"2025-26\"}")));
    }

    @Test
    void serviceWhosePortIsClosedIsAFast503Problem() {
        long started = System.nanoTime();

        EntityExchangeResult<Map<String, Object>> result = problem(client.get()
            .uri("/api/v1/reports/history")
            .header("X-Request-Id", "closed-port-1")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists(HttpHeaders.RETRY_AFTER)
            .expectHeader()
            .valueEquals("X-Request-Id", "closed-port-1"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(result.getResponseBody()).containsEntry("status", 503)
            .containsEntry("code", "gateway.service-unavailable")
            .containsEntry("service", "report-service")
            .containsEntry("reason", "unreachable")
            .containsEntry("instance", "/api/v1/reports/history");
    }

    @Test
    void serviceWithNoRegisteredInstanceIsA503Problem() {
        EntityExchangeResult<Map<String, Object>> result = problem(client.get()
            .uri("/api/v1/notifications/inbox")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader()
            .exists(HttpHeaders.RETRY_AFTER));

        assertThat(result.getResponseBody()).containsEntry("code", "gateway.service-unavailable")
            .containsEntry("service", "notification-service")
            .containsEntry("reason", "no-instance");
    }

    @Test
    void serviceSlowerThanItsTimeLimitIsA503Problem() {
        backend.stubFor(get("/api/v1/ml/model-metrics").willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));
        long started = System.nanoTime();

        EntityExchangeResult<Map<String, Object>> result = problem(client.get()
            .uri("/api/v1/ml/model-metrics")
            .exchange()
            .expectStatus()
            .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON));

        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(3_000));
        assertThat(result.getResponseBody()).containsEntry("service", "ml-service").containsEntry("reason", "timeout");
    }

    @Test
    void resilienceSettingsComeFromTheConfigRepository() {
        // Resilience4j's own defaults (1 s, 25 calls) would also pass the tests above:
        // prove ours are bound
        assertThat(circuitBreakers.getTimeLimiterRegistry().getDefaultConfig().getTimeoutDuration())
            .isEqualTo(Duration.ofSeconds(10));
        assertThat(circuitBreakers.getTimeLimiterRegistry().getConfiguration("report-service"))
            .hasValueSatisfying(config -> assertThat(config.getTimeoutDuration()).isEqualTo(Duration.ofSeconds(60)));
        assertThat(circuitBreakers.getCircuitBreakerRegistry().getDefaultConfig().getSlidingWindowSize()).isEqualTo(20);
        assertThat(bulkheads.getDefaultConfig().getMaxConcurrentCalls()).isEqualTo(200);
    }

    @Test
    void alertStreamsPassUnbufferedWithATicketAndNeverCountAsSlowCalls() {
        // a stream of three events, one every 1.5 s: the first must come through before
        // the
        // backend has finished
        backend.stubFor(get(urlPathEqualTo("/api/v1/alerts/stream"))
            .willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("event:hello\ndata:{}\n\nevent:heartbeat\ndata:{}\n\nevent:heartbeat\ndata:{}\n\n")
                .withChunkedDribbleDelay(3, 4_500)));
        WebTestClient browser = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();

        long started = System.nanoTime();
        List<Long> arrivals = browser.get()
            .uri("/api/v1/alerts/stream?ticket=t")
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange()
            .expectStatus()
            .isOk()
            .returnResult(String.class)
            .getResponseBody()
            .map(chunk -> (System.nanoTime() - started) / 1_000_000)
            .collectList()
            .block(Duration.ofSeconds(20));

        assertThat(arrivals).isNotEmpty();
        assertThat(arrivals.get(0)).as("the first event, not the whole body")
            .isLessThan(arrivals.get(arrivals.size() - 1));
        assertThat(arrivals.get(arrivals.size() - 1)).isGreaterThanOrEqualTo(2_500);
        backend.verify(getRequestedFor(urlPathEqualTo("/api/v1/alerts/stream")).withQueryParam("ticket", equalTo("t")));
        // no token needed at the edge for the stream's GET (alert-service checks the
        // ticket),
        // but for the ticket itself
        browser.post().uri("/api/v1/alerts/stream/ticket").exchange().expectStatus().isUnauthorized();

        // a stream of half an hour is not a slow call, and has no time limit
        assertThat(circuitBreakers.getCircuitBreakerRegistry().getConfiguration("alert-service-streams"))
            .hasValueSatisfying(
                    config -> assertThat(config.getSlowCallDurationThreshold()).isGreaterThan(Duration.ofDays(365)));
        assertThat(circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("alert-service-streams").getState())
            .hasToString("CLOSED");
        // each open stream holds a bulkhead call for as long as it lasts: not the 200 of
        // a service
        assertThat(bulkheads.getConfiguration("alert-service-streams"))
            .hasValueSatisfying(config -> assertThat(config.getMaxConcurrentCalls()).isEqualTo(10_000));
    }

    @Test
    void unknownPathIsA404Problem() {
        for (String path : List.of("/no/such/thing", "/api/v2/schools/1", "/api/v1/unknown")) {
            EntityExchangeResult<Map<String, Object>> result = problem(client.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));

            assertThat(result.getResponseBody()).containsEntry("status", 404)
                .containsEntry("code", "gateway.route-not-found")
                .containsEntry("instance", path);
        }
    }

    @Test
    void callsBeyondTheRateLimitAre429Problems() {
        backend.stubFor(
                get("/api/v1/optimization/recommendations").willReturn(aResponse().withStatus(200).withBody("[]")));

        client.get()
            .uri("/api/v1/optimization/recommendations")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .exists("X-RateLimit-Remaining");
        EntityExchangeResult<byte[]> limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            EntityExchangeResult<byte[]> response = client.get()
                .uri("/api/v1/optimization/recommendations")
                .exchange()
                .expectBody()
                .returnResult();
            if (response.getStatus().value() == 429) {
                limited = response;
            }
        }

        assertThat(limited).as("a 429 within 11 calls at 1 call/s, burst 2").isNotNull();
        assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(limited.getResponseHeaders().getFirst("X-Request-Id")).isNotBlank();
        assertThat(JSON.readValue(limited.getResponseBodyContent(), Map.class)).containsEntry("status", 429)
            .containsEntry("code", "gateway.rate-limited");
        // the other routes keep their generous default limits
        backend.stubFor(get("/api/v1/meals/today").willReturn(aResponse().withStatus(200).withBody("[]")));
        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/v1/meals/today").exchange().expectStatus().isOk();
        }
    }

    @Test
    void docsRouteServesTheServicesOpenApiDocument() {
        backend.stubFor(get("/v3/api-docs").willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"finance-service\"}}")));

        client.get()
            .uri("/v3/api-docs/finance-service")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.info.title")
            .isEqualTo("finance-service");

        backend.verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
    }

    /**
     * The event catalog's AsyncAPI document, beside the OpenAPI ones and open like them.
     */
    @Test
    void asyncApiDocumentIsServedBesideTheApiDocsWithoutAToken() {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        anonymous.get()
            .uri("/api/docs/asyncapi.yaml")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith("application/yaml")
            .expectBody(String.class)
            .value(body -> assertThat(body).contains("asyncapi: 3.0.0", "mdm.school.daily-meal-reports.DLT"));
    }

    @Test
    void swaggerUiAtApiDocsListsEveryService() {
        client.get()
            .uri("/api/docs")
            .exchange()
            .expectStatus()
            .value(status -> assertThat(status).isIn(200, 301, 302, 303, 307, 308));
        client.get().uri("/webjars/swagger-ui/index.html").exchange().expectStatus().isOk();

        client.get()
            .uri("/v3/api-docs/swagger-config")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.urls.length()")
            .isEqualTo(8)
            .jsonPath("$.urls[?(@.name == 'school-service')].url")
            .isEqualTo("/v3/api-docs/school-service")
            .jsonPath("$.urls[?(@.name == 'notification-service')].url")
            .isEqualTo("/v3/api-docs/notification-service");
    }

    @ParameterizedTest
    @CsvSource({ "/api/v1/auth/login, lb://auth-service", "/.well-known/jwks.json, lb://auth-service",
            "/api/v1/schools/33010100101, lb://school-service", "/api/v1/districts/603/blocks, lb://school-service",
            "/api/v1/blocks/6031, lb://school-service", "/api/v1/kitchens/12, lb://school-service",
            "/api/v1/suppliers/4, lb://school-service", "/api/v1/meals/daily, lb://school-service",
            "/api/v1/stock/33010100101, lb://school-service", "/api/v1/deliveries/9, lb://school-service",
            "/api/v1/inspections/overdue, lb://school-service",
            "/api/v1/financial/allocations/603, lb://finance-service", "/api/v1/ml/predict-risk, lb://ml-service",
            "/api/v1/alerts/unread, lb://alert-service", "/api/v1/alerts/stream/district/603, lb://alert-service",
            "/api/v1/optimization/recommendations, lb://optimization-service",
            "/api/v1/reports/history, lb://report-service", "/api/v1/notifications/inbox, lb://notification-service",
            "/v3/api-docs/auth-service, lb://auth-service", "/v3/api-docs/ml-service, lb://ml-service",
            "/v3/api-docs/report-service, lb://report-service" })
    void everyPathGoesToItsService(String path, String service) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));

        Route route = routes.getRoutes()
            .concatMap(candidate -> Mono.from(candidate.getPredicate().apply(exchange))
                .filter(Boolean::booleanValue)
                .map(matched -> candidate))
            .next()
            .block(Duration.ofSeconds(5));

        assertThat(route).as(path).isNotNull();
        assertThat(route.getUri()).hasToString(service);
        assertThat(route.getFilters()).as("rate limiter and circuit breaker on " + route.getId())
            .extracting(Object::toString)
            .anySatisfy(filter -> assertThat(filter).contains("RequestRateLimiter"))
            .anySatisfy(filter -> assertThat(filter).contains("CircuitBreaker"));
    }

    @Test
    void corsPreflightFromAnAllowedOriginIsAnswered() {
        client.options()
            .uri("/api/v1/schools")
            .header(HttpHeaders.ORIGIN, "http://localhost:3000")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:3000");
        client.options()
            .uri("/api/v1/schools")
            .header(HttpHeaders.ORIGIN, "https://evil.example")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .exchange()
            .expectStatus()
            .isForbidden();
    }

    @Test
    void healthIsUpAndMetricsAreExported() {
        backend.stubFor(get("/api/v1/stock/33010100101").willReturn(aResponse().withStatus(200).withBody("{}")));
        client.get().uri("/api/v1/stock/33010100101").exchange().expectStatus().isOk();

        client.get()
            .uri("/actuator/health")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .jsonPath("$.status")
            .isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .value(body -> assertThat(body).contains("jvm_memory_used_bytes")
                // per route timings of the calls to services, and the breakers' states
                .containsPattern("spring_cloud_gateway_http_client_requests_seconds_count\\{[^}]*"
                        + "spring_cloud_gateway_route_id=\"school-service\"")
                .contains("resilience4j_circuitbreaker_state"));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static EntityExchangeResult<Map<String, Object>> problem(WebTestClient.ResponseSpec response) {
        return (EntityExchangeResult) response.expectBody(Map.class).returnResult();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
