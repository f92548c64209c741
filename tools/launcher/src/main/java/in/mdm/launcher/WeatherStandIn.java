package in.mdm.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * ./run's stand-in for the public forecast API ml-service calls, in Open-Meteo's format
 * ({@code GET /weather/v1/forecast?latitude=&longitude=&forecast_days=&past_days=},
 * hourly {@code precipitation}, {@code temperature_2m}, {@code wind_speed_10m}, India
 * time), so that the suite needs no network. The point asked for is the nearest district
 * centre of the simulator's Tamil Nadu
 * ({@code tools/simulator/.../areas/district-areas-33.csv}); its rain on a day is the
 * simulator's {@code weather.csv} of the demo (read again when the file changes), spread
 * evenly over the day's hours. A day the file does not hold (without {@code --demo}, a
 * weekend or holiday, a day after the simulated history) has no rain. Temperature follows
 * a fixed day (24 °C at night, 32 °C at 14:00) and the wind stays at 6-12 km/h: the twin
 * draws no heat or storms, so the stand-in warns only of the simulator's heavy rain.
 */
public final class WeatherStandIn {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final Map<String, double[]> centres;

    private final Path weatherCsv;

    private FileTime loadedAt;

    private Map<String, Double> rain = Map.of();

    WeatherStandIn(Map<String, double[]> centres, Path weatherCsv) {
        this.centres = centres;
        this.weatherCsv = weatherCsv;
    }

    /**
     * The stand-in of a checkout: the simulator's district centres under {@code root},
     * the demo's weather in {@code simulatedDir}.
     */
    public static WeatherStandIn of(Path root, Path simulatedDir) {
        Map<String, double[]> centres = new LinkedHashMap<>();
        Path areas = root.resolve("tools/simulator/src/main/resources/areas/district-areas-33.csv");
        try {
            List<String> lines = Files.readAllLines(areas, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                if (cells.length >= 4) {
                    centres.put(cells[0].trim(),
                            new double[] { Double.parseDouble(cells[2].trim()), Double.parseDouble(cells[3].trim()) });
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("district centres " + areas, ex);
        }
        return new WeatherStandIn(centres, simulatedDir.resolve("weather.csv"));
    }

    /** Serves {@code GET .../v1/forecast}. */
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")
                    || !exchange.getRequestURI().getPath().endsWith("/v1/forecast")) {
                respond(exchange, 404, "{\"error\":true,\"reason\":\"not found\"}");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            try {
                double latitude = Double.parseDouble(query.getOrDefault("latitude", "x"));
                double longitude = Double.parseDouble(query.getOrDefault("longitude", "x"));
                int forecastDays = Integer.parseInt(query.getOrDefault("forecast_days", "7"));
                int pastDays = Integer.parseInt(query.getOrDefault("past_days", "0"));
                if (forecastDays < 1 || forecastDays > 16 || pastDays < 0 || pastDays > 92) {
                    throw new NumberFormatException("forecast_days 1-16, past_days 0-92");
                }
                respond(exchange, 200, forecast(latitude, longitude, LocalDate.now(INDIA), pastDays, forecastDays));
            }
            catch (NumberFormatException ex) {
                respond(exchange, 400, "{\"error\":true,\"reason\":\"latitude and longitude must be numbers; "
                        + "forecast_days 1-16, past_days 0-92\"}");
            }
        }
    }

    /**
     * The answer for a point, from {@code today − pastDays} for
     * {@code pastDays + forecastDays} days.
     */
    String forecast(double latitude, double longitude, LocalDate today, int pastDays, int forecastDays) {
        String district = nearest(latitude, longitude);
        Map<String, Double> known = rain();
        List<String> time = new ArrayList<>();
        List<String> precipitation = new ArrayList<>();
        List<String> temperature = new ArrayList<>();
        List<String> wind = new ArrayList<>();
        for (LocalDate day = today.minusDays(pastDays); day
            .isBefore(today.plusDays(forecastDays)); day = day.plusDays(1)) {
            double mm = known.getOrDefault(district + "," + day, 0.0);
            for (int hour = 0; hour < 24; hour++) {
                time.add("\"" + day.atTime(hour, 0) + "\"");
                precipitation.add(String.format(Locale.ROOT, "%.3f", mm / 24));
                temperature.add(String.format(Locale.ROOT, "%.1f", 28 - 4 * Math.cos(Math.PI * (hour - 2) / 12)));
                wind.add(String.format(Locale.ROOT, "%.1f", 9 - 3 * Math.cos(Math.PI * (hour - 3) / 12)));
            }
        }
        return String.format(Locale.ROOT, """
                {"latitude":%.4f,"longitude":%.4f,"generationtime_ms":0.1,"utc_offset_seconds":19800,\
                "timezone":"Asia/Kolkata","timezone_abbreviation":"GMT+5:30","elevation":0.0,\
                "hourly_units":{"time":"iso8601","precipitation":"mm","temperature_2m":"°C","wind_speed_10m":"km/h"},\
                "hourly":{"time":[%s],"precipitation":[%s],"temperature_2m":[%s],"wind_speed_10m":[%s]}}""", latitude,
                longitude, String.join(",", time), String.join(",", precipitation), String.join(",", temperature),
                String.join(",", wind));
    }

    String nearest(double latitude, double longitude) {
        String best = null;
        double distance = Double.MAX_VALUE;
        for (Map.Entry<String, double[]> centre : centres.entrySet()) {
            double dLat = centre.getValue()[0] - latitude;
            double dLon = centre.getValue()[1] - longitude;
            double d = dLat * dLat + dLon * dLon;
            if (d < distance) {
                distance = d;
                best = centre.getKey();
            }
        }
        return best;
    }

    /**
     * {@code district,date} → rain (mm) of the simulator's file, read again when it
     * changes.
     */
    private synchronized Map<String, Double> rain() {
        try {
            if (!Files.isRegularFile(weatherCsv)) {
                return Map.of();
            }
            FileTime modified = Files.getLastModifiedTime(weatherCsv);
            if (!modified.equals(loadedAt)) {
                Map<String, Double> read = new HashMap<>();
                List<String> lines = Files.readAllLines(weatherCsv, StandardCharsets.UTF_8);
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] cells = line.split(",");
                    if (cells.length >= 3) {
                        read.put(cells[0].trim() + "," + cells[1].trim(), Double.parseDouble(cells[2].trim()));
                    }
                }
                rain = read;
                loadedAt = modified;
            }
            return rain;
        }
        catch (IOException | RuntimeException ex) {
            // a file still being written is read on the next request
            return rain;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
