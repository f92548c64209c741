package in.mdm.discovery;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry on a random port, on its own application.yml (no config-server). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
class DiscoveryIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Test
    void registryAnswersAndAcceptsARegistration() {
        ResponseEntity<String> apps = http.exchange("/eureka/apps", HttpMethod.GET, json(null), String.class);
        assertThat(apps.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(apps.getBody()).contains("\"applications\"");

        String instance = """
                {"instance": {
                  "instanceId": "localhost:school-service:8082", "hostName": "localhost", "app": "SCHOOL-SERVICE",
                  "ipAddr": "127.0.0.1", "status": "UP", "port": {"$": 8082, "@enabled": "true"},
                  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"}
                }}""";
        ResponseEntity<Void> registered = http.exchange("/eureka/apps/SCHOOL-SERVICE", HttpMethod.POST, json(instance),
                Void.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> app = http.exchange("/eureka/apps/SCHOOL-SERVICE", HttpMethod.GET, json(null),
                String.class);
        assertThat(app.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(app.getBody()).contains("localhost:school-service:8082");
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

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

}
