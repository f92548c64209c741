package in.mdm.testkit;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.SoftAssertions;

/**
 * Every operation a service documents in its OpenAPI description ({@code /v3/api-docs}),
 * tried as an attacker or a careless client would, against the running service:
 * <ul>
 * <li>without a token: 401; a path the service leaves open (its public keys, a webhook it
 * checks by signature) anything but a 5xx;</li>
 * <li>as the state ADMIN, with a path or query parameter that is not of its documented
 * type (a UUID, an integer, a date): 400;</li>
 * <li>as the state ADMIN, with a JSON body that does not parse, or that is JSON of the
 * wrong shape ({@code []}): 400;</li>
 * <li>as the state ADMIN, with a field the body does not document (mass assignment): a
 * 400 problem naming it;</li>
 * <li>never a 5xx, and every 4xx a problem ({@code application/problem+json}).</li>
 * </ul>
 * The operations are read from the description, so an endpoint added later is swept
 * without touching the test. Streams ({@code text/event-stream}) are tried without a
 * token only. Every failure is collected, so one run names every endpoint that answers
 * wrongly.
 */
public final class OpenApiSweep {

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A field no request documents, sent to see it refused. */
    static final String MASS_ASSIGNED = "grantedRole";

    private final String baseUrl;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final List<String> open = new ArrayList<>();

    private Predicate<String> skip = path -> false;

    private String admin;

    private int operations;

    private OpenApiSweep(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * @param baseUrl the service under test, e.g. {@code http://localhost:<port>}
     */
    public static OpenApiSweep at(String baseUrl) {
        return new OpenApiSweep(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /**
     * Path prefixes the service serves without a token (webhooks signed otherwise ...).
     */
    public OpenApiSweep open(String... pathPrefixes) {
        open.addAll(List.of(pathPrefixes));
        return this;
    }

    /**
     * The state ADMIN's token the malformed requests carry: the kit's by default, the
     * service's own where it accepts only tokens it issued (auth-service).
     */
    public OpenApiSweep admin(String token) {
        this.admin = Objects.requireNonNull(token, "token");
        return this;
    }

    /** Paths not to sweep at all, with the reason kept by the caller. */
    public OpenApiSweep skip(Predicate<String> paths) {
        this.skip = Objects.requireNonNull(paths, "paths");
        return this;
    }

    /** Sweeps; fails with every wrong answer. Returns how many operations were swept. */
    @SuppressWarnings("unchecked")
    public int verify() {
        String docs = send("GET", "/v3/api-docs", null, null, null).body();
        Map<String, Object> paths = JsonPath.read(docs, "$.paths");
        SoftAssertions softly = new SoftAssertions();
        operations = 0;
        paths.forEach((path, item) -> {
            if (skip.test(path)) {
                return;
            }
            ((Map<String, Object>) item).forEach((method, operation) -> {
                if (METHODS.contains(method)) {
                    operations++;
                    sweep(softly, method.toUpperCase(), path, (Map<String, Object>) operation,
                            (Map<String, Object>) item);
                }
            });
        });
        softly.assertThat(operations).as("operations documented at %s/v3/api-docs", baseUrl).isPositive();
        softly.assertAll();
        return operations;
    }

    @SuppressWarnings("unchecked")
    private void sweep(SoftAssertions softly, String method, String path, Map<String, Object> operation,
            Map<String, Object> item) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Object p : (List<Object>) item.getOrDefault("parameters", List.of())) {
            parameters.add((Map<String, Object>) p);
        }
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            parameters.add((Map<String, Object>) p);
        }
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        boolean jsonBody = body != null && ((Map<String, Object>) body.getOrDefault("content", Map.of())).keySet()
            .stream()
            .anyMatch(type -> type.contains("json"));
        boolean stream = String.valueOf(operation.get("responses")).contains("text/event-stream");
        String valid = fill(path, parameters, null);
        String name = method + " " + path;

        HttpResponse<String> anonymous = send(method, valid, null, jsonBody ? "{}" : null, null);
        if (open.stream().anyMatch(path::startsWith)) {
            // served without a token: public (the keys), or checked otherwise (a
            // signature, a password), which answers first; never with a 5xx
            softly.assertThat(anonymous.statusCode()).as("%s, open, without a token", name).isLessThan(500);
            return;
        }
        softly.assertThat(anonymous.statusCode()).as("%s without a token", name).isEqualTo(401);
        if (stream) {
            return;
        }
        for (Map<String, Object> parameter : parameters) {
            String wrong = wrongValue(parameter);
            if (wrong == null) {
                continue;
            }
            String in = String.valueOf(parameter.get("in"));
            String target;
            if ("path".equals(in)) {
                target = fill(path, parameters, Map.entry(String.valueOf(parameter.get("name")), wrong));
            }
            else if ("query".equals(in)) {
                target = valid + (valid.contains("?") ? "&" : "?") + parameter.get("name") + "="
                        + URLEncoder.encode(wrong, StandardCharsets.UTF_8);
            }
            else {
                continue;
            }
            HttpResponse<String> answer = asAllowed(method, target, jsonBody ? "{}" : null);
            problem(softly, answer, name + " with " + in + " parameter " + parameter.get("name") + "=" + wrong, 400);
        }
        if (jsonBody) {
            problem(softly, asAllowed(method, valid, "{\"broken"), name + " with broken JSON", 400);
            HttpResponse<String> shape = asAllowed(method, valid, "[]");
            problem(softly, shape, name + " with a JSON array for its body", 400);
            if (!String.valueOf(body).contains("type=array")) {
                // mass assignment: a field the request does not have is refused, never
                // bound
                HttpResponse<String> extra = asAllowed(method, valid, "{\"" + MASS_ASSIGNED + "\":true}");
                problem(softly, extra, name + " with a field it does not document", 400);
                softly.assertThat(extra.body())
                    .as("%s with a field it does not document: the problem names it", name)
                    .contains(MASS_ASSIGNED);
            }
        }
    }

    private String admin() {
        return admin != null ? admin : TestTokens.admin();
    }

    /**
     * Sends as the state ADMIN or, where the operation refuses that role (an approval
     * that is a district officer's or a headmaster's), as a role it allows, so that the
     * malformed input itself is what is answered.
     */
    private HttpResponse<String> asAllowed(String method, String target, String body) {
        HttpResponse<String> answer = send(method, target, admin(), body, null);
        for (String other : admin != null ? List.<String>of()
                : List.of(TestTokens.officer("603"), TestTokens.school("33030100101"))) {
            if (answer.statusCode() != 403) {
                break;
            }
            answer = send(method, target, other, body, null);
        }
        return answer;
    }

    private static void problem(SoftAssertions softly, HttpResponse<String> answer, String what, int status) {
        softly.assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(status);
        softly.assertThat(answer.headers().firstValue("Content-Type").orElse(""))
            .as("%s: a problem body", what)
            .startsWith("application/problem+json");
    }

    /** A value not of the parameter's documented type, or null for a free string. */
    @SuppressWarnings("unchecked")
    private static String wrongValue(Map<String, Object> parameter) {
        Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
        String type = String.valueOf(schema.get("type"));
        String format = String.valueOf(schema.get("format"));
        if ("uuid".equals(format)) {
            return "not-a-uuid";
        }
        if ("date".equals(format) || "date-time".equals(format)) {
            return "31-31-2026";
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return "many";
        }
        if (schema.get("enum") != null) {
            return "NO_SUCH_VALUE";
        }
        return null;
    }

    /** The path with each parameter given a value of its type (or the one given). */
    @SuppressWarnings("unchecked")
    private static String fill(String path, List<Map<String, Object>> parameters, Map.Entry<String, String> given) {
        Matcher m = PATH_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (given != null && given.getKey().equals(name)) {
                value = URLEncoder.encode(given.getValue(), StandardCharsets.UTF_8);
            }
            else {
                value = parameters.stream()
                    .filter(p -> name.equals(p.get("name")) && "path".equals(p.get("in")))
                    .findFirst()
                    .map(p -> sample((Map<String, Object>) p.getOrDefault("schema", Map.of())))
                    .orElse("1");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String sample(Map<String, Object> schema) {
        String format = String.valueOf(schema.get("format"));
        if ("uuid".equals(format)) {
            return "00000000-0000-4000-8000-000000000001";
        }
        if ("date".equals(format)) {
            return "2026-01-05";
        }
        String type = String.valueOf(schema.get("type"));
        if ("integer".equals(type) || "number".equals(type)) {
            return "1";
        }
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return String.valueOf(values.get(0));
        }
        return "1";
    }

    private HttpResponse<String> send(String method, String path, String token, String body, String contentType) {
        return SweepHttp.send(http, SweepHttp.request(baseUrl + path, method, token, body, contentType).build());
    }

}
