package in.mdm.testkit;

import java.lang.reflect.Parameter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API operation of a service whose {@code @PreAuthorize} names the roles it allows,
 * called by each role it does not allow and by a machine client without scopes: 403 with
 * a problem body, whatever the request carries. The operations come from the service's
 * own handler mappings, so an endpoint added later is swept without touching the test;
 * rules that depend on the request's arguments (a jurisdiction check on
 * {@code #udiseCode}) are counted and left to the services' jurisdiction tests.
 */
public final class RoleSweep {

    /** The platform's roles. */
    public static final List<String> ROLES = List.of("ADMIN", "OFFICER", "SCHOOL");

    /** The caller's role is not the only thing the rule reads. */
    private static final Pattern ARGUMENTS = Pattern
        .compile("[#@]|returnObject|filterObject|isAuthenticated|permitAll");

    private static final Pattern ROLE_CALL = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/:]+)[^}]*}");

    private final String baseUrl;

    private final RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Function<String, String> tokens = RoleSweep::kitToken;

    private int swept;

    private int leftToJurisdiction;

    private RoleSweep(String baseUrl, RequestMappingHandlerMapping mappings) {
        this.baseUrl = baseUrl;
        this.mappings = mappings;
    }

    /**
     * @param baseUrl the running service, {@code http://localhost:<port>}
     * @param mappings its handler mappings (the bean
     * {@code requestMappingHandlerMapping})
     */
    public static RoleSweep at(String baseUrl, RequestMappingHandlerMapping mappings) {
        return new RoleSweep(Objects.requireNonNull(baseUrl), Objects.requireNonNull(mappings));
    }

    /**
     * The token a caller of each role carries ({@code ADMIN}, {@code OFFICER},
     * {@code SCHOOL}, and {@code MACHINE} for a client without scopes); null leaves that
     * caller out. The kit's tokens by default.
     */
    public RoleSweep tokens(Function<String, String> tokens) {
        Objects.requireNonNull(tokens);
        Map<String, String> issued = new java.util.HashMap<>();
        this.tokens = caller -> {
            if (!issued.containsKey(caller)) {
                issued.put(caller, tokens.apply(caller));
            }
            return issued.get(caller);
        };
        return this;
    }

    /** Sweeps; fails with every wrong answer. Returns how many calls were made. */
    public int verify() {
        SoftAssertions softly = new SoftAssertions();
        swept = 0;
        leftToJurisdiction = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            sweep(softly, mapping.getKey(), mapping.getValue());
        }
        softly.assertAll();
        return swept;
    }

    /** Operations whose rule reads the request's arguments (not swept here). */
    public int leftToJurisdiction() {
        return leftToJurisdiction;
    }

    private void sweep(SoftAssertions softly, RequestMappingInfo info, HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return;
        }
        Set<String> allowed = allowedRoles(rule.value());
        if (allowed.isEmpty()) {
            return;
        }
        if (ARGUMENTS.matcher(rule.value()).find()) {
            leftToJurisdiction++;
            return;
        }
        List<String> callers = new ArrayList<>();
        for (String role : ROLES) {
            if (!allowed.contains(role)) {
                callers.add(role);
            }
        }
        callers.add("MACHINE");
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        Set<String> patterns = info.getPatternValues();
        for (String pattern : patterns) {
            if (!pattern.startsWith("/api/")) {
                continue;
            }
            String path = fill(pattern, handler);
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                for (String caller : callers) {
                    String token = tokens.apply(caller);
                    if (token == null) {
                        continue;
                    }
                    swept++;
                    HttpResponse<String> answer = send(method.name(), path, token, info, handler);
                    String what = "%s %s as %s (allowed: %s)".formatted(method, pattern, caller, allowed);
                    softly.assertThat(answer.statusCode()).as("%s: %s", what, answer.body()).isEqualTo(403);
                    softly.assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .as("%s: a problem body", what)
                        .startsWith("application/problem+json");
                }
            }
        }
    }

    static Set<String> allowedRoles(String expression) {
        Set<String> roles = new LinkedHashSet<>();
        Matcher call = ROLE_CALL.matcher(expression);
        while (call.find()) {
            Matcher quoted = QUOTED.matcher(call.group(1));
            while (quoted.find()) {
                roles.add(quoted.group(1).trim());
            }
        }
        return roles;
    }

    /** The kit's token for a caller of the sweep ({@link #tokens}). */
    public static String kitToken(String caller) {
        return switch (caller) {
            case "ADMIN" -> TestTokens.admin();
            case "OFFICER" -> TestTokens.officer("603");
            case "SCHOOL" -> TestTokens.school("33030100101");
            case "MACHINE" -> TestTokens.machine("role-sweep");
            default -> null;
        };
    }

    /** The pattern with each path variable given a value of its parameter's type. */
    private static String fill(String pattern, HandlerMethod handler) {
        Matcher m = PATH_VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(sample(m.group(1), handler)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String sample(String variable, HandlerMethod handler) {
        for (Parameter parameter : handler.getMethod().getParameters()) {
            PathVariable annotation = parameter.getAnnotation(PathVariable.class);
            if (annotation == null) {
                continue;
            }
            String name = !annotation.value().isEmpty() ? annotation.value()
                    : !annotation.name().isEmpty() ? annotation.name() : parameter.getName();
            if (!name.equals(variable)) {
                continue;
            }
            Class<?> type = parameter.getType();
            if (type == UUID.class) {
                return "00000000-0000-4000-8000-000000000001";
            }
            if (type == LocalDate.class) {
                return "2026-01-05";
            }
            if (type == YearMonth.class) {
                return "2026-01";
            }
            if (type.isEnum() && type.getEnumConstants().length > 0) {
                return ((Enum<?>) type.getEnumConstants()[0]).name();
            }
            return "1";
        }
        return "1";
    }

    private HttpResponse<String> send(String method, String path, String token, RequestMappingInfo info,
            HandlerMethod handler) {
        boolean body = java.util.Arrays.stream(handler.getMethod().getParameters())
            .anyMatch(p -> p.isAnnotationPresent(RequestBody.class));
        Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
        MediaType type = consumes.isEmpty() ? MediaType.APPLICATION_JSON : consumes.iterator().next();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + token);
        if (MediaType.MULTIPART_FORM_DATA.includes(type)) {
            String multipart = "--sweep\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\nx\r\n--sweep--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=sweep")
                .method(method, HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8));
        }
        else if (body || !consumes.isEmpty()) {
            request.header("Content-Type", type.toString())
                .method(method, HttpRequest.BodyPublishers.ofString(
                        MediaType.APPLICATION_JSON.includes(type) || type.getSubtype().endsWith("json") ? "{}" : "x",
                        StandardCharsets.UTF_8));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return SweepHttp.send(http, request.build());
    }

}
