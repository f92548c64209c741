package in.mdm.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;

/**
 * The jurisdiction contract every service keeps, checked over HTTP against the running
 * service: a caller of another district is answered 404 on every read of district A's
 * resources, exactly as if they did not exist, and sees only its own rows on every list;
 * district A's officer and a state ADMIN read them all. Every failure is collected, so
 * one run names every endpoint that leaks.
 *
 * <pre>{@code
 * JurisdictionContract.at("http://localhost:" + port)
 *         .districts("585", "588")                         // A, whose resources are read, and B, another district
 *         .read("/api/v1/schools/" + schoolOfA)
 *         .read("/api/v1/meals/reporting-rate?date=2026-11-02&districtCode=585")
 *         .list("/api/v1/schools?size=500", "$.items[*].udiseCode", Set.of(schoolOfA), Set.of(schoolOfB))
 *         .verify();
 * }</pre>
 *
 * For each read: no token is a 401; the ADMIN and the officer of A get 200; the officer
 * of B and every {@link #outsider} get a 404 problem. For each list: no token is a 401;
 * the ADMIN sees the rows of A and of B, the officer of A those of A and none of B, the
 * officer of B those of B and none of A, every outsider none of A, and every
 * {@link #insider} those of A. The resources must exist before {@link #verify()}: a test
 * fixture creates them.
 */
public final class JurisdictionContract {

    /**
     * A list endpoint and the keys of its rows (a JSON path, e.g. {@code $.items[*].id}).
     */
    private record ListEndpoint(String path, String keys, Set<String> ofA, Set<String> ofB) {
    }

    private final String baseUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final List<String> reads = new ArrayList<>();

    private final List<ListEndpoint> lists = new ArrayList<>();

    private final Map<String, String> insiders = new LinkedHashMap<>();

    private final Map<String, String> outsiders = new LinkedHashMap<>();

    private String districtA;

    private String districtB;

    private JurisdictionContract(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param baseUrl the service under test, e.g. {@code http://localhost:<port>}
     */
    public static JurisdictionContract at(String baseUrl) {
        return new JurisdictionContract(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /**
     * @param a the district (LGD code) whose resources the reads name and whose rows the
     * lists' {@code ofA} keys are
     * @param b another district, with rows of its own ({@code ofB})
     */
    public JurisdictionContract districts(String a, String b) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("two different districts");
        }
        this.districtA = a;
        this.districtB = b;
        return this;
    }

    /** A GET of one of district A's resources, or of an aggregate of an area of A. */
    public JurisdictionContract read(String path) {
        reads.add(path);
        return this;
    }

    /**
     * A GET of a list.
     * @param keys a JSON path selecting each row's key, e.g. {@code $.items[*].id} or
     * {@code $[*].level}
     * @param ofA keys of rows of district A on this list (at least one); ask for a page
     * large enough to hold them
     * @param ofB keys of rows of district B, none of them rows of A
     */
    public JurisdictionContract list(String path, String keys, Set<String> ofA, Set<String> ofB) {
        if (ofA.isEmpty()) {
            throw new IllegalArgumentException(path + ": a list needs a row of district A to check");
        }
        if (ofA.stream().anyMatch(ofB::contains)) {
            throw new IllegalArgumentException(path + ": a row cannot be district A's and district B's");
        }
        lists.add(new ListEndpoint(path, keys, Set.copyOf(ofA), Set.copyOf(ofB)));
        return this;
    }

    /**
     * Another caller whose jurisdiction holds the resources (a block officer, a
     * headmaster): reads them, lists them.
     */
    public JurisdictionContract insider(String name, String token) {
        insiders.put(name, token);
        return this;
    }

    /**
     * Another caller whose jurisdiction holds none of them (a block officer of another
     * block of A ...): 404, none listed.
     */
    public JurisdictionContract outsider(String name, String token) {
        outsiders.put(name, token);
        return this;
    }

    /** Makes every call and fails with every broken promise at once. */
    public void verify() {
        if (districtA == null) {
            throw new IllegalStateException("districts(a, b) first");
        }
        if (reads.isEmpty() && lists.isEmpty()) {
            throw new IllegalStateException("no endpoint to check");
        }
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("the state ADMIN", TestTokens.admin());
        owners.put("the officer of district " + districtA, TestTokens.officer(districtA));
        owners.putAll(insiders);
        Map<String, String> others = new LinkedHashMap<>();
        others.put("the officer of district " + districtB, TestTokens.officer(districtB));
        others.putAll(outsiders);

        SoftAssertions softly = new SoftAssertions();
        for (String path : reads) {
            softly.assertThat(get(path, null).statusCode()).as("GET %s without a token", path).isEqualTo(401);
            owners.forEach((who, token) -> {
                Answer answer = get(path, token);
                softly.assertThat(answer.statusCode()).as("GET %s as %s: %s", path, who, answer.body()).isEqualTo(200);
            });
            others.forEach((who, token) -> {
                Answer answer = get(path, token);
                softly.assertThat(answer.statusCode()).as("GET %s as %s: %s", path, who, answer.body()).isEqualTo(404);
                softly.assertThat(answer.contentType())
                    .as("GET %s as %s: a problem", path, who)
                    .startsWith("application/problem+json");
            });
        }
        for (ListEndpoint list : lists) {
            softly.assertThat(get(list.path(), null).statusCode())
                .as("GET %s without a token", list.path())
                .isEqualTo(401);
            Set<String> both = new LinkedHashSet<>(list.ofA());
            both.addAll(list.ofB());
            keys(softly, list, "the state ADMIN", TestTokens.admin(), both, Set.of());
            keys(softly, list, "the officer of district " + districtA, TestTokens.officer(districtA), list.ofA(),
                    list.ofB());
            keys(softly, list, "the officer of district " + districtB, TestTokens.officer(districtB), list.ofB(),
                    list.ofA());
            insiders.forEach((who, token) -> keys(softly, list, who, token, list.ofA(), Set.of()));
            outsiders.forEach((who, token) -> keys(softly, list, who, token, Set.of(), list.ofA()));
        }
        softly.assertAll();
    }

    private void keys(SoftAssertions softly, ListEndpoint list, String who, String token, Set<String> seen,
            Set<String> unseen) {
        Answer answer = get(list.path(), token);
        if (seen.isEmpty() && answer.statusCode() == 404 && answer.body().contains("\"area.not-found\"")) {
            // a list whose filter names an area outside the caller's jurisdiction:
            // refused
            // as a read of that area's record is (AreaFilters), which lists nothing of it
            return;
        }
        softly.assertThat(answer.statusCode()).as("GET %s as %s: %s", list.path(), who, answer.body()).isEqualTo(200);
        if (answer.statusCode() != 200) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (Object key : JsonPath.<List<Object>>read(answer.body(), list.keys())) {
            keys.add(String.valueOf(key));
        }
        if (!seen.isEmpty()) {
            softly.assertThat(keys).as("GET %s as %s lists its own rows", list.path(), who).containsAll(seen);
        }
        if (!unseen.isEmpty()) {
            softly.assertThat(keys)
                .as("GET %s as %s lists no row outside its jurisdiction", list.path(), who)
                .doesNotContainAnyElementsOf(unseen);
        }
    }

    private record Answer(int statusCode, String contentType, String body) {
    }

    private Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json")
            .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }
        catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + path + " interrupted", e);
        }
    }

}
