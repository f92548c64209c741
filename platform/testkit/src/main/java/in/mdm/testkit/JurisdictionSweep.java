package in.mdm.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;

/**
 * Every operation a service documents ({@code /v3/api-docs}) that is bound to an area (a
 * path parameter naming a school, a transfer, an alert ...; or a query parameter naming a
 * district, block or school) is called with one area's data by callers from outside that
 * area: another district's officer, another school's headmaster. Each must be answered
 * 404 with a problem body (the data is not theirs, and its existence is not told either),
 * or 403 when the caller's role may not use the operation at all. A write the test gives
 * no valid body for may be refused 400 before the lookup; that is counted and printed,
 * never a 2xx, a 409 or a 5xx. Reads, exports and streams are called by the area's own
 * officer too, which must not get a 404: the 404s above come from the jurisdiction, not
 * from data that does not exist.
 * <p>
 * The operations come from the description, so an operation added later is swept without
 * touching the test, and one whose path parameter the test has no value for fails the
 * sweep until the test gives one or says why the operation is bound to no area.
 */
public final class JurisdictionSweep {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final String baseUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private String owner = TestTokens.officer("568");

    private final Map<String, String> outsiders = new LinkedHashMap<>();

    private final Map<String, String> values = new LinkedHashMap<>();

    private final Map<String, String> bodies = new LinkedHashMap<>();

    private final Map<String, String> unbound = new LinkedHashMap<>();

    private final List<Map.Entry<Predicate<String>, String>> unboundRules = new ArrayList<>();

    private final Map<String, String> uncontrolled = new LinkedHashMap<>();

    private final Map<String, Integer> counts = new TreeMap<>();

    private JurisdictionSweep(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param baseUrl the service under test, e.g. {@code http://localhost:<port>}
     */
    public static JurisdictionSweep at(String baseUrl) {
        return new JurisdictionSweep(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /**
     * The area's own caller, whose reads must not be 404 (the kit's officer of district
     * 568 by default).
     */
    public JurisdictionSweep owner(String token) {
        this.owner = Objects.requireNonNull(token, "token");
        return this;
    }

    /** A caller from outside the area, named in failures. */
    public JurisdictionSweep outsider(String name, String token) {
        outsiders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(token, "token"));
        return this;
    }

    /**
     * The value of a path or query parameter that names the area's data, for every
     * operation with a parameter of that name.
     */
    public JurisdictionSweep value(String parameter, String value) {
        values.put(Objects.requireNonNull(parameter, "parameter"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * The value of a parameter for one operation only, named as documented: {@code "POST
     * /api/v1/transfers/{id}/approve"}.
     */
    public JurisdictionSweep value(String operation, String parameter, String value) {
        return value(operation + " " + parameter, value);
    }

    /** A valid body for a write, so that only the jurisdiction can refuse it. */
    public JurisdictionSweep body(String operation, String json) {
        bodies.put(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(json, "json"));
        return this;
    }

    /** An operation (as documented, {@code "GET /api/v1/x/{code}"}) bound to no area. */
    public JurisdictionSweep unbound(String operation, String why) {
        unbound.put(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(why, "why"));
        return this;
    }

    /** Operations bound to no area, by a rule on {@code "METHOD path"}. */
    public JurisdictionSweep unbound(Predicate<String> operations, String why) {
        unboundRules.add(Map.entry(Objects.requireNonNull(operations, "operations"), Objects.requireNonNull(why)));
        return this;
    }

    /**
     * A read whose owner may well get a 404 (nothing computed yet ...): its outsiders'
     * 404s are checked all the same.
     */
    public JurisdictionSweep uncontrolled(String operation, String why) {
        uncontrolled.put(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(why, "why"));
        return this;
    }

    /** What the last {@link #verify} did, by kind: calls, 404s, 403s, 400s, controls. */
    public Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** Sweeps; fails with every wrong answer. Returns how many operations were swept. */
    @SuppressWarnings("unchecked")
    public int verify() {
        if (outsiders.isEmpty()) {
            outsider("another district's officer", TestTokens.officer("603"));
            outsider("another school's headmaster", TestTokens.school("33030100101"));
        }
        counts.clear();
        String docs = send("GET", "/v3/api-docs", null, null, false).body();
        Map<String, Object> paths = JsonPath.read(docs, "$.paths");
        SoftAssertions softly = new SoftAssertions();
        int swept = 0;
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> item = (Map<String, Object>) path.getValue();
            for (String method : METHODS) {
                Object operation = item.get(method);
                if (operation != null
                        && sweep(softly, method.toUpperCase(), path.getKey(), (Map<String, Object>) operation, item)) {
                    swept++;
                }
            }
        }
        counts.put("operations", swept);
        softly.assertAll();
        return swept;
    }

    @SuppressWarnings("unchecked")
    private boolean sweep(SoftAssertions softly, String method, String path, Map<String, Object> operation,
            Map<String, Object> item) {
        String name = method + " " + path;
        if (!path.startsWith("/api/") || unbound.containsKey(name)
                || unboundRules.stream().anyMatch(rule -> rule.getKey().test(name))) {
            return false;
        }
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Object p : (List<Object>) item.getOrDefault("parameters", List.of())) {
            parameters.add((Map<String, Object>) p);
        }
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            parameters.add((Map<String, Object>) p);
        }
        StringBuilder query = new StringBuilder();
        boolean bound = false;
        for (Map<String, Object> parameter : parameters) {
            String parameterName = String.valueOf(parameter.get("name"));
            String value = valueFor(name, parameterName);
            String in = String.valueOf(parameter.get("in"));
            if ("query".equals(in)) {
                if (value == null && Boolean.TRUE.equals(parameter.get("required"))) {
                    value = sample((Map<String, Object>) parameter.getOrDefault("schema", Map.of()));
                }
                else if (value != null) {
                    bound = true;
                }
                if (value != null) {
                    query.append(query.isEmpty() ? '?' : '&')
                        .append(parameterName)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        }
        Matcher m = PATH_PARAMETER.matcher(path);
        StringBuilder target = new StringBuilder();
        while (m.find()) {
            String parameterName = m.group(1);
            String value = valueFor(name, parameterName);
            if (value == null) {
                Map<String, Object> schema = parameters.stream()
                    .filter(p -> parameterName.equals(p.get("name")) && "path".equals(p.get("in")))
                    .findFirst()
                    .map(p -> (Map<String, Object>) p.getOrDefault("schema", Map.of()))
                    .orElse(Map.of());
                value = incidental(schema);
                if (value == null) {
                    softly.fail("%s: no value of the area for {%s}; give one with value(...), or say with "
                            + "unbound(...) why the operation is bound to no area", name, parameterName);
                    return false;
                }
            }
            else {
                bound = true;
            }
            m.appendReplacement(target, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        m.appendTail(target);
        if (!bound) {
            // a list filtered by the caller's own area, or a state-wide operation
            count("unbound by their parameters");
            return false;
        }
        String url = target + query.toString();
        boolean stream = String.valueOf(operation.get("responses")).contains("text/event-stream");
        boolean write = !"GET".equals(method);
        Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
        boolean jsonBody = requestBody != null && String.valueOf(requestBody.get("content")).contains("json");
        String given = bodies.get(name);
        String body = given != null ? given : jsonBody ? "{}" : null;
        for (Map.Entry<String, String> outsider : outsiders.entrySet()) {
            HttpResponse<String> answer = send(method, url, outsider.getValue(), body, stream);
            int status = answer.statusCode();
            String what = "%s as %s (%s): %s".formatted(name, outsider.getKey(), url, answer.body());
            count("calls from outside the area");
            if (status == 404) {
                count("answered 404");
            }
            else if (status == 403) {
                count("answered 403 (the role may not use it)");
            }
            else if (status == 400 && write && given == null) {
                count("answered 400 (the body refused before the lookup)");
            }
            else {
                softly.fail("%s: expected 404 for another area's data, was %d", what, status);
                continue;
            }
            softly.assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .as("%s: a problem body", what)
                .startsWith("application/problem+json");
        }
        if (!write && !uncontrolled.containsKey(name)) {
            HttpResponse<String> own = send(method, url, owner, null, stream);
            count("reads by the area's own officer");
            softly.assertThat(own.statusCode())
                .as("%s as the area's own officer (%s): the data must exist for the 404s above to mean "
                        + "anything: %s", name, url, own.body())
                .isBetween(200, 299);
        }
        return true;
    }

    private String valueFor(String operation, String parameter) {
        String value = values.get(operation + " " + parameter);
        return value != null ? value : values.get(parameter);
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** A value for a parameter that does not name data (a date, an enum), else null. */
    private static String incidental(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        if ("date".equals(format)) {
            return "2026-01-05";
        }
        if (schema.get("enum") instanceof List<?> options && !options.isEmpty()) {
            return String.valueOf(options.get(0));
        }
        return null;
    }

    private static String sample(Map<String, Object> schema) {
        String value = incidental(schema);
        if (value != null) {
            return value;
        }
        String type = String.valueOf(schema.get("type"));
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        if ("uuid".equals(String.valueOf(schema.get("format")))) {
            return "00000000-0000-4000-8000-000000000001";
        }
        return "1";
    }

    private HttpResponse<String> send(String method, String path, String token, String body, boolean stream) {
        HttpRequest.Builder request = SweepHttp.request(baseUrl + path, method, token, body, null);
        if (!stream) {
            return SweepHttp.send(http, request.build());
        }
        // a stream is answered with its status and headers at once and never ends: read
        // what a refusal carries, and close an opened stream
        request.header("Accept", "text/event-stream");
        try {
            HttpResponse<InputStream> opened = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String text;
            try (InputStream in = opened.body()) {
                text = opened.statusCode() >= 300 ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        : "(a stream)";
            }
            return new Answer(opened, text);
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + ": " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + ": interrupted", ex);
        }
    }

    /** A stream's answer, its body read (a refusal) or left (an opened stream). */
    private record Answer(HttpResponse<InputStream> response, String body) implements HttpResponse<String> {

        @Override
        public int statusCode() {
            return response.statusCode();
        }

        @Override
        public HttpRequest request() {
            return response.request();
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return response.headers();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return response.sslSession();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public HttpClient.Version version() {
            return response.version();
        }

    }

}
