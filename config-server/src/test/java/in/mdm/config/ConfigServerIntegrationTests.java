package in.mdm.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server on a random port serving the config-repo/ packaged with it, as every
 * application asks for its configuration: {@code /<application>/<profiles>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class ConfigServerIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void serviceGetsItsOwnFileTheSharedFileAndTheProfileDocument() {
        Map<String, Object> environment = environment("/finance-service/local");

        assertThat(environment).containsEntry("name", "finance-service");
        List<Map<String, Object>> sources = propertySources(environment);
        assertThat(sources).extracting(source -> (String) source.get("name"))
            .anySatisfy(name -> assertThat(name).contains("config-repo/finance-service.yml"))
            .anySatisfy(name -> assertThat(name).contains("config-repo/application.yml"));

        assertThat(source(sources, "finance-service.yml")).containsEntry("server.port", 8083);
        Map<String, Object> shared = merged(sources, "application.yml");
        // secrets and addresses are references to the environment, resolved by each
        // application
        assertThat(shared).containsEntry("spring.datasource.url", "${MDM_DB_URL:jdbc:postgresql://localhost:5432/mdm}")
            .containsEntry("spring.datasource.password", "${MDM_DB_PASSWORD:}")
            .containsEntry("spring.kafka.bootstrap-servers", "${MDM_KAFKA_BOOTSTRAP:localhost:9092}")
            .containsEntry("eureka.client.service-url.defaultZone", "${MDM_EUREKA_URL:http://localhost:8761/eureka/}")
            .containsEntry("logging.structured.format.console", "ecs")
            // from the local profile document
            .containsEntry("eureka.client.registry-fetch-interval-seconds", 5)
            .containsEntry("eureka.instance.hostname", "localhost")
            .containsEntry("spring.cloud.loadbalancer.cache.ttl", "5s")
            .containsEntry("spring.datasource.hikari.maximum-pool-size", 4);
    }

    @Test
    void profileDocumentsApplyOnlyToTheirProfile() {
        Map<String, Object> docker = merged(propertySources(environment("/school-service/docker")), "application.yml");
        assertThat(docker).containsEntry("spring.kafka.bootstrap-servers", "${MDM_KAFKA_BOOTSTRAP:kafka:9092}")
            .containsEntry("eureka.client.service-url.defaultZone", "${MDM_EUREKA_URL:http://discovery:8761/eureka/}")
            .doesNotContainKey("eureka.client.registry-fetch-interval-seconds");

        Map<String, Object> k8s = merged(propertySources(environment("/school-service/k8s")), "application.yml");
        assertThat(k8s).containsEntry("mdm.kafka.replicas", 3).containsEntry("eureka.instance.prefer-ip-address", true);
    }

    @Test
    void gatewayGetsItsRoutes() {
        List<Map<String, Object>> sources = propertySources(environment("/gateway/default"));
        Map<String, Object> gateway = source(sources, "gateway.yml");

        assertThat(gateway).containsEntry("server.port", 8080)
            .containsEntry("spring.cloud.gateway.server.webflux.routes[0].id", "auth-service")
            .containsEntry("spring.cloud.gateway.server.webflux.routes[0].uri", "lb://auth-service");
        assertThat(gateway.keySet())
            .filteredOn(key -> key.matches("spring\\.cloud\\.gateway\\.server\\.webflux\\.routes\\[\\d+]\\.id"))
            .hasSizeGreaterThanOrEqualTo(16);
        assertThat(gateway.values()).contains("lb://school-service", "lb://notification-service",
                "forward:/fallback/report-service", "/v3/api-docs/ml-service");
        // the old key is ignored by Spring Cloud Gateway 5: it must not be used
        assertThat(gateway.keySet()).noneMatch(key -> key.startsWith("spring.cloud.gateway.routes"));
    }

    @Test
    void everyApplicationHasItsFile() {
        for (String application : List.of("gateway", "config-server", "discovery", "auth-service", "school-service",
                "finance-service", "ml-service", "alert-service", "optimization-service", "report-service",
                "notification-service")) {
            assertThat(source(propertySources(environment("/" + application + "/default")), application + ".yml"))
                .as(application)
                .containsKey("server.port");
        }
    }

    @Test
    void healthIsUpWithProbesAndMetrics() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
        assertThat(http.getForEntity("/actuator/health/liveness", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health/readiness", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> prometheus = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(prometheus.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(prometheus.getBody()).contains("jvm_memory_used_bytes");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment(String path) {
        ResponseEntity<Map> response = http.getForEntity(path, Map.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> propertySources(Map<String, Object> environment) {
        return (List<Map<String, Object>>) environment.get("propertySources");
    }

    /** The first (highest precedence) property source read from {@code file}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(List<Map<String, Object>> sources, String file) {
        return sources.stream()
            .filter(source -> ((String) source.get("name")).contains("config-repo/" + file))
            .map(source -> (Map<String, Object>) source.get("source"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no property source from " + file + " in " + sources));
    }

    /**
     * Every document of {@code file} that applies, the first (highest precedence) value
     * winning.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(List<Map<String, Object>> sources, String file) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>();
        sources.stream()
            .filter(source -> ((String) source.get("name")).contains("config-repo/" + file))
            .forEach(source -> ((Map<String, Object>) source.get("source")).forEach(merged::putIfAbsent));
        return merged;
    }

}
