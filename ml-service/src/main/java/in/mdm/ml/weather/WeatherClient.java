package in.mdm.ml.weather;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import in.mdm.platform.web.OutboundHttp;

/**
 * The public forecast API, in Open-Meteo's format:
 * {@code GET <mdm.weather.base-url>/v1/forecast?latitude=&longitude=&hourly=precipitation,temperature_2m,wind_speed_10m&forecast_days=7&past_days=&timezone=Asia/Kolkata}
 * (no key). Guarded by the retry and the circuit breaker of {@link WeatherConfiguration};
 * redirects are refused ({@link OutboundHttp}), never followed. An answer that is not the
 * documented shape is a {@link MalformedForecast}, never half-used.
 */
@Component
class WeatherClient {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    static final String HOURLY = "precipitation,temperature_2m,wind_speed_10m";

    /**
     * The forecast (and past days) hour by hour; a value is null where the source has
     * none.
     */
    record Hourly(List<Instant> times, List<Double> rainMm, List<Double> temperatureC, List<Double> windKmh) {
    }

    /** The source answered, but not with a forecast of the documented shape. */
    static final class MalformedForecast extends RuntimeException {

        private static final long serialVersionUID = 1L;

        MalformedForecast(String message) {
            super(message);
        }

    }

    private final RestClient http;

    private final JsonMapper json;

    private final CircuitBreaker breaker;

    private final Retry retry;

    private final WeatherSettings settings;

    WeatherClient(RestClient.Builder builder, JsonMapper json, CircuitBreaker weatherCircuitBreaker, Retry weatherRetry,
            WeatherSettings settings) {
        this.http = OutboundHttp.client(builder, settings.timeout(), settings.timeout())
            .baseUrl(settings.baseUrl())
            .build();
        this.json = json;
        this.breaker = weatherCircuitBreaker;
        this.retry = weatherRetry;
        this.settings = settings;
    }

    /**
     * The hourly forecast at a point; throws when the source fails, answers nonsense, or
     * the breaker is open ({@code CallNotPermittedException}).
     */
    Hourly fetch(double latitude, double longitude) {
        Supplier<Hourly> call = () -> parse(json,
                http.get()
                    .uri(uri -> uri.path("/v1/forecast")
                        .queryParam("latitude", String.format(Locale.ROOT, "%.4f", latitude))
                        .queryParam("longitude", String.format(Locale.ROOT, "%.4f", longitude))
                        .queryParam("hourly", HOURLY)
                        .queryParam("forecast_days", 7)
                        .queryParam("past_days", settings.pastDays())
                        .queryParam("timezone", INDIA.getId())
                        .build())
                    .retrieve()
                    .body(String.class));
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    /** An answer's hourly series, checked against Open-Meteo's documented shape. */
    static Hourly parse(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedForecast("an empty answer");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        }
        catch (JacksonException ex) {
            throw new MalformedForecast("not JSON: " + ex.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedForecast("not a JSON object");
        }
        if (root.path("error").asBoolean(false)) {
            throw new MalformedForecast("an error: " + root.path("reason").asString("(no reason)"));
        }
        JsonNode hourly = root.get("hourly");
        if (hourly == null || !hourly.isObject()) {
            throw new MalformedForecast("no hourly object");
        }
        JsonNode units = root.path("hourly_units");
        String wind = units.path("wind_speed_10m").asString("km/h");
        if (!wind.equals("km/h")) {
            throw new MalformedForecast("wind_speed_10m in " + wind + ", not km/h");
        }
        String rain = units.path("precipitation").asString("mm");
        if (!rain.equals("mm")) {
            throw new MalformedForecast("precipitation in " + rain + ", not mm");
        }
        ZoneOffset offset = offset(root);
        JsonNode time = array(hourly, "time");
        List<Instant> times = new ArrayList<>(time.size());
        for (JsonNode t : time) {
            if (!t.isString()) {
                throw new MalformedForecast("hourly.time holds a non-text value");
            }
            try {
                times.add(LocalDateTime.parse(t.asString()).toInstant(offset));
            }
            catch (DateTimeParseException ex) {
                throw new MalformedForecast("hourly.time holds " + t.asString() + ", not an ISO 8601 local time");
            }
        }
        if (times.isEmpty()) {
            throw new MalformedForecast("hourly.time is empty");
        }
        return new Hourly(List.copyOf(times), numbers(hourly, "precipitation", times.size(), 0, 2000),
                numbers(hourly, "temperature_2m", times.size(), -90, 70),
                numbers(hourly, "wind_speed_10m", times.size(), 0, 500));
    }

    private static ZoneOffset offset(JsonNode root) {
        JsonNode seconds = root.get("utc_offset_seconds");
        if (seconds == null || seconds.isNull()) {
            return INDIA.getRules().getOffset(Instant.EPOCH);
        }
        if (!seconds.isIntegralNumber() || Math.abs(seconds.asInt()) > 18 * 3600) {
            throw new MalformedForecast("utc_offset_seconds is not an offset");
        }
        return ZoneOffset.ofTotalSeconds(seconds.asInt());
    }

    private static JsonNode array(JsonNode hourly, String name) {
        JsonNode values = hourly.get(name);
        if (values == null || !values.isArray()) {
            throw new MalformedForecast("no hourly." + name + " array");
        }
        return values;
    }

    private static List<Double> numbers(JsonNode hourly, String name, int size, double min, double max) {
        JsonNode values = array(hourly, name);
        if (values.size() != size) {
            throw new MalformedForecast("hourly." + name + " has " + values.size() + " values for " + size + " hours");
        }
        List<Double> numbers = new ArrayList<>(size);
        for (JsonNode value : values) {
            if (value.isNull()) {
                numbers.add(null);
            }
            else if (value.isNumber() && value.asDouble() >= min && value.asDouble() <= max) {
                numbers.add(value.asDouble());
            }
            else {
                throw new MalformedForecast(
                        "hourly." + name + " holds " + value + ", not a number from " + min + " to " + max);
            }
        }
        return java.util.Collections.unmodifiableList(numbers);
    }

}
