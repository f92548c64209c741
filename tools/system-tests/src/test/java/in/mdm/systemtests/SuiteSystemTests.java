package in.mdm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import in.mdm.launcher.App;
import in.mdm.launcher.Suite;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite as {@code ./run} starts it (every application jar in its own JVM, real
 * PostgreSQL, Kafka and Redis) on free ports beside any running suite, exercised through
 * the gateway: routing, an event from one service's outbox into another's copy,
 * redelivery, and a crashed service. The suite is the one {@link RunningSuite} shares
 * with the other system test classes.
 */
@ExtendWith(RunningSuite.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSystemTests {

    private static final String SCHOOL = "33020100101";

    private static final String SECOND_SCHOOL = "33020100102";

    private static final String SCHOOLS_TOPIC = "mdm.school.schools";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    static Suite suite;

    /** An access token of the suite's first ADMIN, from a login through the gateway. */
    static String adminToken;

    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            RunningSuite.printLogs(List.of("gateway", "school-service", "finance-service"), 40);
        }
    };

    @BeforeAll
    static void signIn() {
        suite = RunningSuite.suite();
        adminToken = login(suite.adminPassword().username(), suite.adminPassword().value());
    }

    /** Signs in through the gateway as auth-service's users do. */
    private static String login(String username, String password) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/auth/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers
                .ofString(JSON.writeValueAsString(java.util.Map.of("username", username, "password", password)))));
        assertThat(login.statusCode()).as("login: " + login.body()).isEqualTo(200);
        assertThat(json(login).path("tokenType").asString()).isEqualTo("Bearer");
        return json(login).path("accessToken").asString();
    }

    @Test
    @Order(1)
    void everyServiceAnswersThroughTheGateway() {
        for (App service : App.SERVICES) {
            HttpResponse<String> docs = get(suite.gatewayUrl() + service.docsPath());
            assertThat(docs.statusCode()).as(service.docsPath()).isEqualTo(200);
            assertThat(contentType(docs)).as(service.docsPath()).startsWith("application/json");
            assertThat(json(docs).path("openapi").asString()).as(service.docsPath()).startsWith("3.");
        }

        HttpResponse<String> health = get(suite.gatewayUrl() + "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asString()).isEqualTo("UP");

        HttpResponse<String> unknown = get(suite.gatewayUrl() + "/api/v1/no-such-thing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(contentType(unknown)).startsWith("application/problem+json");
        assertThat(json(unknown).path("status").asInt()).isEqualTo(404);
    }

    @Test
    @Order(1)
    void theLoginTokenOpensTheApiAndNoTokenOrARevokedOneDoesNot() {
        HttpResponse<String> me = get(suite.gatewayUrl() + "/api/v1/auth/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(json(me).path("username").asString()).isEqualTo(suite.adminPassword().username());

        HttpResponse<String> anonymous = send(
                HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/schools")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("code").asString()).isEqualTo("auth.unauthenticated");
        HttpResponse<String> direct = send(
                HttpRequest.newBuilder(URI.create(suite.url("school-service") + "/api/v1/schools")).GET());
        assertThat(direct.statusCode()).as("the service checks tokens too").isEqualTo(401);

        String token = login(suite.adminPassword().username(), suite.adminPassword().value());
        HttpResponse<String> logout = send(
                HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/auth/logout"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).as(logout.body()).isLessThan(300);
        HttpResponse<String> afterLogout = send(
                HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/api/v1/schools"))
                    .header("Authorization", "Bearer " + token)
                    .GET());
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(json(afterLogout).path("code").asString()).isEqualTo("auth.token-invalid");
    }

    @Test
    @Order(2)
    void aSchoolRegisteredInSchoolServiceReachesFinanceOnceEvenWhenRedelivered() throws Exception {
        HttpResponse<String> created = post(suite.gatewayUrl() + "/api/v1/schools", school(SCHOOL, "PUMS Kattur"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode funded = awaitFundedSchool(SCHOOL);
        assertThat(funded.path("name").asString()).isEqualTo("PUMS Kattur");
        assertThat(funded.path("districtCode").asString()).isEqualTo("610");
        assertThat(funded.path("blockCode").asString()).isEqualTo("6255");
        String lastEventId = funded.path("lastEventId").asString();
        String updatedAt = funded.path("updatedAt").asString();
        assertThat(lastEventId).isNotBlank();
        assertThat(updatedAt).isNotBlank();

        ConsumerRecord<byte[], byte[]> event = readEvent(SCHOOL);
        double duplicatesBefore = duplicatesCountedByFinance();
        redeliver(event);

        await("finance counts the redelivered event as a duplicate").atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> duplicatesCountedByFinance() > duplicatesBefore);
        JsonNode after = json(get(financeSchoolUrl(SCHOOL)));
        assertThat(after.path("lastEventId").asString()).isEqualTo(lastEventId);
        assertThat(after.path("updatedAt").asString()).isEqualTo(updatedAt);
        assertThat(after.path("name").asString()).isEqualTo("PUMS Kattur");
    }

    /**
     * Each service's audit trail (every state-changing call and recorded change, chained
     * by hash) is searchable and verifiable by the ADMIN under the service's own gateway
     * prefix; school-service's holds the registration of this class's school.
     */
    @Test
    @Order(3)
    void everyServicesAuditTrailIsSearchableAndIntactThroughTheGateway() {
        Map<String, String> trails = new java.util.LinkedHashMap<>();
        trails.put("auth-service", "/api/v1/auth/audit-trail");
        trails.put("school-service", "/api/v1/schools/audit");
        trails.put("finance-service", "/api/v1/financial/audit-trail");
        trails.put("ml-service", "/api/v1/ml/audit");
        trails.put("alert-service", "/api/v1/alerts/audit");
        trails.put("optimization-service", "/api/v1/optimization/audit");
        trails.put("report-service", "/api/v1/reports/audit");
        trails.put("notification-service", "/api/v1/notifications/audit");
        assertThat(trails.keySet()).as("every service")
            .containsExactlyInAnyOrderElementsOf(App.SERVICES.stream().map(App::name).toList());
        for (Map.Entry<String, String> trail : trails.entrySet()) {
            HttpResponse<String> page = get(suite.gatewayUrl() + trail.getValue() + "?size=5");
            assertThat(page.statusCode()).as(trail.getKey() + ": " + page.body()).isEqualTo(200);
            assertThat(json(page).has("items")).as(trail.getKey() + ": " + page.body()).isTrue();
            HttpResponse<String> verified = get(suite.gatewayUrl() + trail.getValue() + "/verify");
            assertThat(verified.statusCode()).as(trail.getKey() + ": " + verified.body()).isEqualTo(200);
            assertThat(json(verified).path("intact").asBoolean()).as(trail.getKey() + ": " + verified.body()).isTrue();
            HttpResponse<String> anonymous = send(
                    HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + trail.getValue())).GET());
            assertThat(anonymous.statusCode()).as(trail.getKey() + " without a token").isEqualTo(401);
        }
        HttpResponse<String> registered = get(
                suite.gatewayUrl() + "/api/v1/schools/audit?entityType=school&entityId=" + SCHOOL);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(json(registered).path("items").size())
            .as("the school's registration in the trail: " + registered.body())
            .isPositive();
    }

    @Test
    @Order(4)
    void aCrashedServiceIsAFast503AndCatchesUpOnEventsAfterItsRestart() {
        suite.kill("finance-service");

        long started = System.nanoTime();
        HttpResponse<String> down = get(financeSchoolUrl(SCHOOL));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[suite] finance-service down: %d in %d ms%n", down.statusCode(), took.toMillis());
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(contentType(down)).startsWith("application/problem+json");
        assertThat(took).as("time to the 503").isLessThan(Duration.ofSeconds(3));

        HttpResponse<String> created = post(suite.gatewayUrl() + "/api/v1/schools",
                school(SECOND_SCHOOL, "PUMS Kattur East"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        suite.restart("finance-service");

        // the gateway's breaker, opened by the calls while it was down, lets calls
        // through
        // again after its wait in the open state
        await("the route to the restarted finance-service").atMost(Duration.ofSeconds(45))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> get(financeSchoolUrl(SCHOOL)).statusCode(), status -> status == 200);
        JsonNode second = awaitFundedSchool(SECOND_SCHOOL);
        assertThat(second.path("name").asString()).isEqualTo("PUMS Kattur East");
    }

    private static String school(String udiseCode, String name) {
        return """
                {"udiseCode":"%s","name":"%s","districtCode":"610","blockCode":"6255","category":"PRIMARY",\
                "management":"GOVERNMENT","ruralUrban":"RURAL"}""".formatted(udiseCode, name);
    }

    private static String financeSchoolUrl(String udiseCode) {
        return suite.gatewayUrl() + "/api/v1/financial/schools/" + udiseCode;
    }

    private static JsonNode awaitFundedSchool(String udiseCode) {
        return await("finance-service's copy of school " + udiseCode).atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> get(financeSchoolUrl(udiseCode)), response -> response.statusCode() == 200)
            .body()
            .transform(SuiteSystemTests::json);
    }

    /**
     * The record school-service's outbox wrote for this school, exactly as it is on the
     * topic.
     */
    private static ConsumerRecord<byte[], byte[]> readEvent(String udiseCode) {
        List<ConsumerRecord<byte[], byte[]>> records = Topics.read(SCHOOLS_TOPIC, Topics.keyedBy(List.of(udiseCode)));
        assertThat(records).as("records keyed " + udiseCode + " on " + SCHOOLS_TOPIC).isNotEmpty();
        return records.getFirst();
    }

    /** Sends the record again, byte for byte: same partition, key, value and headers. */
    private static void redeliver(ConsumerRecord<byte[], byte[]> record) throws Exception {
        Topics.redeliver(List.of(record));
    }

    /**
     * {@code mdm_events_consumed_total{outcome="duplicate"}} summed over
     * finance-service's consumers and types.
     */
    private static double duplicatesCountedByFinance() {
        HttpResponse<String> metrics = get(suite.url("finance-service") + "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        return metrics.body()
            .lines()
            .filter(line -> line.startsWith("mdm_events_consumed_total{") && line.contains("outcome=\"duplicate\""))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }

    /** GET as the suite's ADMIN. */
    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + adminToken).GET());
    }

    /** POST as the suite's ADMIN. */
    private static HttpResponse<String> post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + adminToken)
            .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError("no answer from " + request.build().uri() + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

}
