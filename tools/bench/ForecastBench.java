import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import in.mdm.ml.feature.MealHistory;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.ml.forecast.DemandForecast;
import in.mdm.ml.forecast.DemandForecaster;
import in.mdm.ml.forecast.DemandSeries;
import in.mdm.ml.forecast.Priors;
import in.mdm.ml.forecast.RainOutlook;
import in.mdm.testkit.CsvRows;

/**
 * ml-service's demand forecast on the simulator's twin, through the service's own forecast code.
 *
 * quality DIR [WEEKS]: for each of the last WEEKS (default 4) test weeks of the history, every school is forecast
 * from the reports up to the day before the week (the 100 calendar days ml-service keeps), and its 7 school days
 * are scored against the children present, which no fit saw: 1 - WAPE, the error against seasonal naive's on the
 * same days (MASE's ratio), and the share of days inside the 80 % and 95 % intervals. -Dweather=forecast gives the
 * forecast the test week's heavy rain as a weather service's forecast would (the twin's own, so a perfect one),
 * -Dweather=observed only the rain observed before the week (the days ahead unknown), -Dweather=none no weather.
 *
 * speed DIR [RUNS]: every school of DIR forecast as of its last day, on all cores, RUNS times (default 3).
 */
public class ForecastBench {

    static final SchoolCalendar CALENDAR = SchoolCalendar.standard();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length >= 2 && args[0].equals("quality")) {
            quality(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 4);
        }
        else if (args.length >= 2 && args[0].equals("speed")) {
            speed(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
        }
        else {
            System.err.println("usage: ForecastBench quality DIR [WEEKS] | speed DIR [RUNS]");
            System.exit(2);
        }
    }

    /** The twin's schools, their reports by day, and each district's rain. */
    static final class Twin {

        final List<String> udise = new ArrayList<>();

        final List<String> district = new ArrayList<>();

        final List<String> block = new ArrayList<>();

        final Map<String, Integer> index = new HashMap<>();

        final TreeSet<LocalDate> dates = new TreeSet<>();

        /** Per school: epoch day, present, reason code, in report order. */
        int[][] reports;

        int[] count;

        final Map<String, Map<LocalDate, Integer>> heavyRain = new HashMap<>();

        static Twin read(Path dir) throws IOException {
            Twin twin = new Twin();
            try (BufferedReader in = Files.newBufferedReader(dir.resolve("schools.csv"))) {
                String header = in.readLine();
                List<String> columns = Arrays.asList(header.split(","));
                int d = columns.indexOf("district_code");
                int b = columns.indexOf("block_code");
                String line;
                while ((line = in.readLine()) != null) {
                    String[] cells = CsvRows.split(line);
                    twin.index.put(cells[0], twin.udise.size());
                    twin.udise.add(cells[0]);
                    twin.district.add(cells[d]);
                    twin.block.add(cells[b]);
                }
            }
            int n = twin.udise.size();
            twin.reports = new int[n][];
            twin.count = new int[n];
            try (BufferedReader in = Files.newBufferedReader(dir.resolve("daily-reports.csv"))) {
                in.readLine();
                String line;
                while ((line = in.readLine()) != null) {
                    String[] cells = line.split(",", -1);
                    Integer i = twin.index.get(cells[0]);
                    if (i == null) {
                        continue;
                    }
                    LocalDate date = LocalDate.parse(cells[1]);
                    twin.dates.add(date);
                    int present = Integer.parseInt(cells[2]) + Integer.parseInt(cells[3]);
                    byte reason = MealHistory.reasonCode(cells[5]);
                    int[] r = twin.reports[i];
                    if (r == null) {
                        r = twin.reports[i] = new int[3 * 256];
                    }
                    if (3 * twin.count[i] + 3 > r.length) {
                        r = twin.reports[i] = Arrays.copyOf(r, r.length * 2);
                    }
                    r[3 * twin.count[i]] = (int) date.toEpochDay();
                    r[3 * twin.count[i] + 1] = present;
                    r[3 * twin.count[i] + 2] = reason;
                    twin.count[i]++;
                }
            }
            Path weather = dir.resolve("weather.csv");
            if (Files.exists(weather)) {
                try (BufferedReader in = Files.newBufferedReader(weather)) {
                    in.readLine();
                    String line;
                    while ((line = in.readLine()) != null) {
                        String[] cells = line.split(",");
                        twin.heavyRain.computeIfAbsent(cells[0], k -> new HashMap<>())
                            .put(LocalDate.parse(cells[1]), Integer.parseInt(cells[3]));
                    }
                }
            }
            return twin;
        }

        /** The school's meal history as ml-service would hold it on {@code asOf}. */
        MealHistory history(int school, LocalDate asOf) {
            MealHistory history = new MealHistory();
            int last = (int) asOf.toEpochDay();
            int[] r = reports[school];
            for (int k = 0; k < count[school]; k++) {
                int day = r[3 * k];
                if (day <= last && day > last - MealHistory.DAYS) {
                    history.record(day, r[3 * k + 1], (byte) r[3 * k + 2], 0);
                }
            }
            return history;
        }

        /** Children present on a day, -1 without a report. */
        int present(int school, LocalDate date) {
            int day = (int) date.toEpochDay();
            int[] r = reports[school];
            for (int k = count[school] - 1; k >= 0; k--) {
                if (r[3 * k] == day) {
                    return r[3 * k + 1];
                }
            }
            return -1;
        }

        /** The weather as ml-service's outlook would give it on {@code asOf}. */
        RainOutlook outlook(LocalDate asOf, String mode) {
            return (districtCode, days) -> {
                double[] result = new double[days.size()];
                Map<LocalDate, Integer> rain = heavyRain.getOrDefault(districtCode, Map.of());
                for (int i = 0; i < result.length; i++) {
                    LocalDate day = days.get(i);
                    Integer heavy = rain.get(day);
                    boolean known = mode.equals("forecast") || (mode.equals("observed") && !day.isAfter(asOf));
                    result[i] = heavy == null || !known ? Double.NaN : heavy;
                }
                return result;
            };
        }

    }

    static void quality(Path dir, int weeks) throws IOException {
        long t0 = System.nanoTime();
        Twin twin = Twin.read(dir);
        String mode = System.getProperty("weather", "forecast");
        List<LocalDate> dates = new ArrayList<>(twin.dates);
        System.out.printf("twin: %,d schools, %d school days %s to %s, read in %.1f s; weather: %s%n",
                twin.udise.size(), dates.size(), dates.getFirst(), dates.getLast(), (System.nanoTime() - t0) / 1e9,
                mode);
        DemandForecaster forecaster = new DemandForecaster(CALENDAR);
        double[] all = new double[8];
        for (int w = weeks - 1; w >= 0; w--) {
            // the test week: 7 school days; the forecast is made the day before it
            int first = dates.size() - 7 * (w + 1);
            LocalDate asOf = dates.get(first - 1);
            RainOutlook outlook = twin.outlook(asOf, mode);
            // sums: |ens-y|, y, |naive-y|, in80, in95, days, |naive-y| where naive known, forecast schools
            Priors priors = Boolean.getBoolean("noPriors") ? Priors.NONE : Priors.learn(IntStream
                .range(0, twin.udise.size())
                .filter(s -> s % 4 == 0)
                .mapToObj(s -> DemandSeries.of(twin.udise.get(s), twin.district.get(s), twin.block.get(s),
                        twin.history(s, asOf), asOf, DemandForecaster.HORIZON, CALENDAR, outlook))
                .toList(), CALENDAR);
            System.out.printf("  priors from %,d schools: exam %.3f, festival %.3f, heavy rain %.3f (log)%n",
                    priors.schools(), priors.exam(), priors.festival(), priors.rain());
            double[][] sums = new double[twin.udise.size()][];
            AtomicInteger none = new AtomicInteger();
            long t1 = System.nanoTime();
            IntStream.range(0, twin.udise.size()).parallel().forEach(s -> {
                MealHistory history = twin.history(s, asOf);
                DemandSeries series = DemandSeries.of(twin.udise.get(s), twin.district.get(s), twin.block.get(s),
                        history, asOf, DemandForecaster.HORIZON, CALENDAR, outlook);
                var forecast = forecaster.forecast(series, priors);
                if (forecast.isEmpty()) {
                    none.incrementAndGet();
                    return;
                }
                double[] sum = new double[6];
                for (DemandForecast.Day day : forecast.get().days()) {
                    int y = twin.present(s, day.date());
                    if (y < 0) {
                        continue;
                    }
                    Double naive = day.components().methods().get("seasonal-naive");
                    sum[0] += Math.abs(day.meals() - y);
                    sum[1] += y;
                    sum[2] += naive == null ? Math.abs(day.meals() - y) : Math.abs(Math.round(naive) - y);
                    sum[3] += day.lower80() <= y && y <= day.upper80() ? 1 : 0;
                    sum[4] += day.lower95() <= y && y <= day.upper95() ? 1 : 0;
                    sum[5]++;
                }
                sums[s] = sum;
            });
            double[] total = new double[6];
            for (double[] sum : sums) {
                if (sum != null) {
                    for (int k = 0; k < 6; k++) {
                        total[k] += sum[k];
                    }
                }
            }
            for (int k = 0; k < 6; k++) {
                all[k] += total[k];
            }
            System.out.printf(
                    "week after %s: %,d school-days scored (%d schools too new), 1 - WAPE %.2f %%, error / seasonal naive %.3f,"
                            + " 80 %% interval coverage %.1f %%, 95 %% coverage %.1f %% (%.1f s)%n",
                    asOf, (long) total[5], none.get(), 100 * (1 - total[0] / total[1]), total[0] / total[2],
                    100 * total[3] / total[5], 100 * total[4] / total[5], (System.nanoTime() - t1) / 1e9);
        }
        System.out.printf(
                "all %d weeks: %,d school-days, 1 - WAPE %.2f %% (seasonal naive %.2f %%), error / seasonal naive %.3f,"
                        + " 80 %% coverage %.1f %%, 95 %% coverage %.1f %%%n",
                weeks, (long) all[5], 100 * (1 - all[0] / all[1]), 100 * (1 - all[2] / all[1]), all[0] / all[2],
                100 * all[3] / all[5], 100 * all[4] / all[5]);
    }

    static void speed(Path dir, int runs) throws IOException {
        Twin twin = Twin.read(dir);
        LocalDate asOf = twin.dates.last();
        RainOutlook outlook = twin.outlook(asOf, "observed");
        DemandForecaster forecaster = new DemandForecaster(CALENDAR);
        MealHistory[] histories = new MealHistory[twin.udise.size()];
        for (int s = 0; s < histories.length; s++) {
            histories[s] = twin.history(s, asOf);
        }
        for (int run = 0; run < runs; run++) {
            long t0 = System.nanoTime();
            AtomicInteger made = new AtomicInteger();
            IntStream.range(0, histories.length).parallel().forEach(s -> {
                DemandSeries series = DemandSeries.of(twin.udise.get(s), twin.district.get(s), twin.block.get(s),
                        histories[s], asOf, DemandForecaster.HORIZON, CALENDAR, outlook);
                if (forecaster.forecast(series).isPresent()) {
                    made.incrementAndGet();
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("run %d: %,d schools forecast (%,d days ahead each) in %.2f s on %d cores, %.0f schools/s%n",
                    run + 1, made.get(), DemandForecaster.HORIZON, seconds,
                    Runtime.getRuntime().availableProcessors(), made.get() / seconds);
        }
    }


}
