package in.mdm.finance.observability;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces leave the service over OTLP/HTTP when an endpoint is configured: WireMock stands
 * in for the collector, every request is sampled, and a call's spans arrive there as
 * protobuf under the service's name.
 */
@MdmIntegrationTest
@AutoConfigureTestRestTemplate
class TraceExportIntegrationTests {

    static final WireMockServer COLLECTOR = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        COLLECTOR.start();
        COLLECTOR.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
    }

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> COLLECTOR.baseUrl() + "/v1/traces");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
    }

    @AfterAll
    static void stop() {
        COLLECTOR.stop();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    io.micrometer.tracing.Tracer tracer;

    @Test
    void aSpansIdsAreInTheLogsContext() {
        io.micrometer.tracing.Span span = tracer.nextSpan().name("mdc-check").start();
        try (io.micrometer.tracing.Tracer.SpanInScope scope = tracer.withSpan(span)) {
            assertThat(org.slf4j.MDC.get("traceId")).isEqualTo(span.context().traceId()).hasSize(32);
            assertThat(org.slf4j.MDC.get("spanId")).isEqualTo(span.context().spanId());
        }
        finally {
            span.end();
        }
        assertThat(org.slf4j.MDC.get("traceId")).isNull();
    }

    @Test
    void aRequestsSpansReachTheCollector() {
        ResponseEntity<String> answer = http.exchange("/api/v1/financial/allocations/569?academicYear=2026-27",
                HttpMethod.GET, new HttpEntity<>(TestTokens.bearer(TestTokens.admin())), String.class);
        assertThat(answer.getStatusCode().is5xxServerError()).isFalse();
        assertThat(answer.getStatusCode()).isNotEqualTo(HttpStatus.UNAUTHORIZED);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var exported = COLLECTOR.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
            assertThat(exported).isNotEmpty();
            assertThat(exported).anySatisfy(request -> {
                assertThat(request.getHeader("Content-Type")).contains("application/x-protobuf");
                // the resource names the service; the server span names the route
                String body = new String(request.getBody(), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(body).contains("finance-service").contains("/api/v1/financial/allocations/{districtCode}");
            });
        });
    }

}
