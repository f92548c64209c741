import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import in.mdm.gateway.GatewayApplication;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.TestTokens;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * What token validation adds to a request through the gateway. The real gateway (routes of config-repo/gateway.yml,
 * rate limiter and circuit breaker on, Redis from the test kit) routes ml-service's paths to a WireMock stand-in.
 * Two paths of that one route are timed, interleaved: one needs a bearer token (RS256 verification with a key
 * from the issuer's JWKS, issuer/audience/expiry checks, the logout deny-list lookup in Redis), the other is
 * declared open for this run. Everything else on the way is the same, so the difference of the two is the cost
 * of token validation.
 *
 * Arguments: [requests per path, default 5000] [warm-up requests per path, default 2000]
 */
public class GatewayAuthBench {

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;

        WireMockServer backend = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(16));
        backend.start();
        backend.stubFor(get(urlPathMatching("/api/v1/ml/.*")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[],\"total\":0}")));

        boolean failed = false;
        SpringApplication app = new SpringApplication(GatewayApplication.class);
        app.setAdditionalProfiles("test");
        String[] properties = {
                "--server.port=0",
                "--spring.cloud.config.enabled=false",
                "--spring.config.import=classpath:config-repo/gateway.yml",
                "--eureka.client.enabled=false",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + Infrastructure.redis().port(),
                "--mdm.security.issuer=" + TestTokens.ISSUER,
                "--mdm.security.audience=" + TestTokens.AUDIENCE,
                "--mdm.security.jwks-uri=" + TestTokens.jwksUri(),
                "--mdm.security.open[0].paths[0]=/api/v1/ml/open-probe",
                "--spring.cloud.discovery.client.simple.instances.ml-service[0].uri=http://127.0.0.1:" + backend.port(),
                "--spring.cloud.gateway.server.webflux.redis-rate-limiter.config[defaultFilters].replenish-rate=1000000",
                "--spring.cloud.gateway.server.webflux.redis-rate-limiter.config[defaultFilters].burst-capacity=2000000",
                "--logging.level.root=WARN"
        };
        try (ConfigurableApplicationContext gateway = app.run(properties)) {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = TestTokens.officer("568");
            HttpRequest secured = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ml/models"))
                    .header("Authorization", "Bearer " + token).build();
            HttpRequest open = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ml/open-probe")).build();

            check(http.send(secured, HttpResponse.BodyHandlers.ofString()), "with a token");
            check(http.send(open, HttpResponse.BodyHandlers.ofString()), "open");
            run(http, secured, open, warmup);
            long[][] times = run(http, secured, open, requests);

            System.out.printf(Locale.ROOT, "%d requests per path after %d warm-up, one client, sequential, JDK %s, %d cores%n",
                    requests, warmup, Runtime.version(), Runtime.getRuntime().availableProcessors());
            report("with token validation", times[0]);
            report("open path, same route", times[1]);
            System.out.printf(Locale.ROOT, "added by token validation: median %.3f ms, p99 %.3f ms%n",
                    (pct(times[0], 50) - pct(times[1], 50)) / 1e6, (pct(times[0], 99) - pct(times[1], 99)) / 1e6);
        } catch (Exception e) {
            e.printStackTrace();
            failed = true;
        } finally {
            backend.stop();
            Infrastructure.stopAll();
        }
        System.exit(failed ? 1 : 0); // the test kit's JWKS server keeps a non-daemon thread
    }

    private static long[][] run(HttpClient http, HttpRequest secured, HttpRequest open, int n) throws Exception {
        long[] a = new long[n];
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = time(http, secured);
            b[i] = time(http, open);
        }
        return new long[][] { a, b };
    }

    private static long time(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return took;
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }

    private static void report(String what, long[] nanos) {
        System.out.printf(Locale.ROOT, "%-24s median %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms%n", what,
                pct(nanos, 50) / 1e6, pct(nanos, 90) / 1e6, pct(nanos, 99) / 1e6, pct(nanos, 100) / 1e6);
    }

    private static double pct(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
