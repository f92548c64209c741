package in.mdm.gateway.docs;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document is served as YAML at /api/docs/asyncapi.yaml. */
class EventDocsConfigurationTests {

    private final WebTestClient client = WebTestClient
        .bindToRouterFunction(new EventDocsConfiguration().asyncApiDocument())
        .build();

    @Test
    void servesTheAsyncApiDocumentAsYaml() {
        byte[] body = this.client.get()
            .uri(EventDocsConfiguration.PATH)
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(EventDocsConfiguration.YAML)
            .expectBody()
            .returnResult()
            .getResponseBody();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).startsWith("# MDM Twin's events")
            .contains("asyncapi: 3.0.0", "in.mdm.school.DailyMealReported.v1");
    }

    @Test
    void nothingElseUnderTheDocsPath() {
        this.client.get().uri("/api/docs/other.yaml").exchange().expectStatus().isNotFound();
    }

}
