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

import in.mdm.testkit.CsvRows;
import in.mdm.ml.feature.Feature;
import in.mdm.ml.feature.Features;
import in.mdm.ml.feature.MealHistory;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.ml.feature.SchoolInputs;
import in.mdm.ml.risk.Dataset;
import in.mdm.ml.risk.Factor;
import in.mdm.ml.risk.Metrics;
import in.mdm.ml.risk.RiskLevels;
import in.mdm.ml.risk.RiskModel;
import in.mdm.ml.risk.RiskTrainer;
import in.mdm.ml.risk.TrainingOptions;

/**
 * ml-service's shortage-risk model on the simulator's twin, through the service's own feature code.
 *
 * quality DIR: replays a simulator history (schools, kitchens, deliveries, stock, daily reports) as the events
 * ml-service consumes would tell it (a kitchen's stock per commodity only when it crosses below 7 days or runs out, a delivery
 * reported late the day after its promise), computes every school-day's features as of that day, labels each with
 * a shortage in the next 3 school days, trains on the earliest 60 % of the days, calibrates on the next 20 % and
 * evaluates on the last days, which no model saw; beside it the random forest, a logistic regression, and the
 * simulator's latent shortage probabilities (truth.csv) as the best any predictor could do. Writes the model to
 * DIR/risk-model.bin.
 *
 * speed DIR MODEL: every school of DIR (all of India) scored as of the last day with MODEL: features, calibrated
 * score, level and the top 3 factors in words; then the library's raw predict on the same matrix.
 */
public class RiskBench {

    static final int HORIZON = 3;

    static final int WARM_UP = 30;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length >= 2 && args[0].equals("quality")) {
            quality(Path.of(args[1]), null);
        }
        else if (args.length >= 3 && args[0].equals("export")) {
            quality(Path.of(args[1]), Path.of(args[2]));
        }
        else if (args.length >= 3 && args[0].equals("speed")) {
            speed(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 3);
        }
        else if (args.length >= 2 && args[0].equals("probe")) {
            probe(RiskModel.fromBytes(Files.readAllBytes(Path.of(args[1]))), SchoolCalendar.standard());
        }
        else {
            System.err.println("usage: RiskBench quality DIR | export DIR OUT | speed DIR MODEL [runs] | probe MODEL");
            System.exit(2);
        }
    }

    /** The twin as ml-service's consumers would know it. */
    static final class Twin {

        final List<String> udise = new ArrayList<>();

        final Map<String, Integer> index = new HashMap<>();

        int[] enrollment;

        boolean[] rural;

        int[] district;

        int[] kitchenOf;

        MealHistory[] meals;

        // kitchens
        final Map<String, Integer> kitchenIndex = new HashMap<>();

        int[] kitchenSchools;

        double[][] need;

        int[] kitchenSupplier;

        /** Per kitchen and commodity: the days of stock of its latest crossing into low or out. */
        double[][] stockDays;

        /** Per kitchen and commodity: the day of that crossing ({@code NONE}: none yet). */
        int[][] stockObserved;

        /** Per kitchen and commodity: its status as school-service holds it (0 out, 1 low, 2 adequate). */
        int[][] stockStatus;

        /** Whether ml-service knows the kitchen's schools yet (from its first KitchenStockLow). */
        boolean[] kitchenKnown;

        List<int[]> delays = new ArrayList<>();

        int[] delayCount;

        final Map<String, Integer> supplierIndex = new HashMap<>();

        int[][] supplierDelayDays;

        int[] supplierDelayCount;

        final Map<String, Integer> districtIndex = new HashMap<>();

        int[][] districtReports;

        int[][] districtNoFunds;

        final List<LocalDate> days = new ArrayList<>();

        SchoolInputs inputs(int s, int t, int dayIndex) {
            int k = kitchenOf[s] >= 0 && kitchenKnown[kitchenOf[s]] ? kitchenOf[s] : -1;
            int supplierDelays = 0;
            double share = 0;
            if (k >= 0) {
                int sup = kitchenSupplier[k];
                for (int i = 0; i < supplierDelayCount[sup]; i++) {
                    int d = supplierDelayDays[sup][i];
                    supplierDelays += d <= t && t - d < 10 ? 1 : 0;
                }
            }
            int reports = 0;
            int noFunds = 0;
            for (int i = Math.max(0, dayIndex - 4); i <= dayIndex; i++) {
                reports += districtReports[district[s]][i];
                noFunds += districtNoFunds[district[s]][i];
            }
            share = reports == 0 ? 0 : noFunds / (double) reports;
            int[] dd = k < 0 ? new int[0] : Arrays.copyOf(delays.get(k), delayCount[k]);
            int[] late = new int[dd.length];
            Arrays.fill(late, 1);
            // the commodity that runs out first, as the feature store picks it among its stock rows
            int c = k < 0 ? -1 : Features.firstToRunOut(stockDays[k], stockObserved[k], t);
            double days = c < 0 ? Double.NaN : stockDays[k][c];
            int observed = c < 0 ? SchoolInputs.NONE : stockObserved[k][c];
            return new SchoolInputs(meals[s], enrollment[s], SchoolInputs.NONE, rural[s], 33, days, observed,
                    observed, dd, late, supplierDelays, SchoolInputs.NONE, Double.NaN, share, SchoolInputs.NONE,
                    k < 0 ? 0 : kitchenSchools[k]);
        }

    }

    interface DayHook {

        void after(Twin twin, int dayIndex, List<Integer> reported) throws IOException;

    }

    static Twin load(Path dir, DayHook hook, float[][] shortageProbability) throws IOException {
        Twin twin = new Twin();
        List<String[]> schools = read(dir.resolve("schools.csv"));
        int n = schools.size();
        twin.enrollment = new int[n];
        twin.rural = new boolean[n];
        twin.district = new int[n];
        twin.kitchenOf = new int[n];
        twin.meals = new MealHistory[n];
        Arrays.fill(twin.kitchenOf, -1);
        for (int i = 0; i < n; i++) {
            String[] r = schools.get(i);
            twin.udise.add(r[0]);
            twin.index.put(r[0], i);
            twin.rural[i] = r[8].equals("Rural");
            twin.enrollment[i] = Integer.parseInt(r[12]) + Integer.parseInt(r[13]);
            twin.district[i] = twin.districtIndex.computeIfAbsent(r[2], x -> twin.districtIndex.size());
            twin.meals[i] = new MealHistory();
        }
        List<String[]> kitchens = read(dir.resolve("kitchens.csv"));
        int kn = kitchens.size();
        twin.kitchenSchools = new int[kn];
        twin.need = new double[kn][3];
        twin.kitchenSupplier = new int[kn];
        twin.stockDays = new double[kn][3];
        twin.stockObserved = new int[kn][3];
        twin.stockStatus = new int[kn][3];
        twin.kitchenKnown = new boolean[kn];
        twin.delayCount = new int[kn];
        for (int k = 0; k < kn; k++) {
            Arrays.fill(twin.stockDays[k], Double.NaN);
            Arrays.fill(twin.stockObserved[k], SchoolInputs.NONE);
            Arrays.fill(twin.stockStatus[k], 2);
        }
        for (int i = 0; i < kn; i++) {
            String[] r = kitchens.get(i);
            twin.kitchenIndex.put(r[0], i);
            twin.kitchenSchools[i] = Integer.parseInt(r[6]);
            double p = Double.parseDouble(r[7]);
            double u = Double.parseDouble(r[8]);
            twin.need[i] = new double[] { 0.1 * p + 0.15 * u, 0.02 * p + 0.03 * u, 0.005 * p + 0.0075 * u };
            twin.kitchenSupplier[i] = twin.supplierIndex.computeIfAbsent(r[10], x -> twin.supplierIndex.size());
            twin.delays.add(new int[8]);
        }
        twin.supplierDelayDays = new int[twin.supplierIndex.size()][8];
        twin.supplierDelayCount = new int[twin.supplierIndex.size()];
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("kitchen-schools.csv"))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null;) {
                String[] r = line.split(",");
                Integer s = twin.index.get(r[1]);
                if (s != null) {
                    twin.kitchenOf[s] = twin.kitchenIndex.get(r[0]);
                }
            }
        }
        // deliveries reported late the day after their promise, if not there by then
        List<int[]> lateDeliveries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve("deliveries.csv"))) {
            in.readLine();
            for (String line; (line = in.readLine()) != null;) {
                String[] r = line.split(",", -1);
                int expected = (int) LocalDate.parse(r[6]).toEpochDay();
                boolean late = r[9].equals("IN_TRANSIT") || LocalDate.parse(r[7]).toEpochDay() > expected;
                if (late) {
                    lateDeliveries.add(new int[] { expected + 1, twin.kitchenIndex.get(r[1]),
                            twin.supplierIndex.get(r[3]) });
                }
            }
        }
        lateDeliveries.sort((a, b) -> Integer.compare(a[0], b[0]));
        int nextDelay = 0;

        List<String> dates = new ArrayList<>();
        try (BufferedReader reports = Files.newBufferedReader(dir.resolve("daily-reports.csv"));
                BufferedReader truth = Files.newBufferedReader(dir.resolve("truth.csv"));
                BufferedReader stock = Files.newBufferedReader(dir.resolve("stock.csv"))) {
            reports.readLine();
            truth.readLine();
            stock.readLine();
            String line = reports.readLine();
            String truthLine = truth.readLine();
            String stockLine = stock.readLine();
            int dayCount = 0;
            twin.districtReports = new int[twin.districtIndex.size()][400];
            twin.districtNoFunds = new int[twin.districtIndex.size()][400];
            while (line != null) {
                int comma = line.indexOf(',') + 1;
                String date = line.substring(comma, comma + 10);
                LocalDate day = LocalDate.parse(date);
                int t = (int) day.toEpochDay();
                int di = dayCount++;
                twin.days.add(day);
                List<Integer> reported = new ArrayList<>();
                while (line != null && line.regionMatches(line.indexOf(',') + 1, date, 0, 10)) {
                    String[] r = line.split(",", -1);
                    String[] q = truthLine.split(",", -1);
                    int s = twin.index.get(r[0]);
                    byte reason = MealHistory.reasonCode(r[5]);
                    twin.meals[s].record(t, Integer.parseInt(r[2]) + Integer.parseInt(r[3]), reason, t * 1440 + 900);
                    twin.districtReports[twin.district[s]][di]++;
                    twin.districtNoFunds[twin.district[s]][di] += reason == MealHistory.NO_FUNDS ? 1 : 0;
                    if (shortageProbability != null) {
                        shortageProbability[s][di] = Float.parseFloat(q[5]);
                    }
                    reported.add(s);
                    line = reports.readLine();
                    truthLine = truth.readLine();
                }
                while (stockLine != null && stockLine.regionMatches(stockLine.indexOf(',') + 1, date, 0, 10)) {
                    // as school-service's ledger does it, per commodity: a receipt may lift the status
                    // (nothing published), the day's consumption may cross it into low (under 7 days of
                    // the kitchen's enrolled need) or out (nothing left): KitchenStockLow
                    String[] r = stockLine.split(",");
                    int k = twin.kitchenIndex.get(r[0]);
                    for (int c = 0; c < 3; c++) {
                        double opening = Double.parseDouble(r[2 + 4 * c]);
                        double received = Double.parseDouble(r[3 + 4 * c]);
                        double closing = Double.parseDouble(r[5 + 4 * c]);
                        if (received > 0) {
                            twin.stockStatus[k][c] = status(opening + received, twin.need[k][c]);
                        }
                        int status = status(closing, twin.need[k][c]);
                        if (status < twin.stockStatus[k][c] && (status == 0 || twin.stockStatus[k][c] == 2)) {
                            twin.stockDays[k][c] = days(closing, twin.need[k][c]);
                            twin.stockObserved[k][c] = t;
                            twin.kitchenKnown[k] = true;
                        }
                        twin.stockStatus[k][c] = status;
                    }
                    stockLine = stock.readLine();
                }
                while (nextDelay < lateDeliveries.size() && lateDeliveries.get(nextDelay)[0] <= t) {
                    int[] d = lateDeliveries.get(nextDelay++);
                    int k = d[1];
                    if (twin.delayCount[k] == twin.delays.get(k).length) {
                        twin.delays.set(k, Arrays.copyOf(twin.delays.get(k), twin.delayCount[k] * 2));
                    }
                    twin.delays.get(k)[twin.delayCount[k]++] = d[0];
                    int sup = d[2];
                    if (twin.supplierDelayCount[sup] == twin.supplierDelayDays[sup].length) {
                        twin.supplierDelayDays[sup] = Arrays.copyOf(twin.supplierDelayDays[sup],
                                twin.supplierDelayCount[sup] * 2);
                    }
                    twin.supplierDelayDays[sup][twin.supplierDelayCount[sup]++] = d[0];
                }
                hook.after(twin, di, reported);
            }
        }
        return twin;
    }

    /** Days of stock as school-service tells them: the quantity over the daily need, rounded down to 0.1. */
    static double days(double quantityKg, double needKg) {
        return needKg == 0 ? Features.STOCK_DAYS_CAP : Math.floor(quantityKg / needKg * 10) / 10;
    }

    /** School-service's status: 0 out (nothing left), 1 low (under 7 days), 2 adequate. */
    static int status(double quantityKg, double needKg) {
        return quantityKg <= 0 ? 0 : days(quantityKg, needKg) < 7 ? 1 : 2;
    }

    static void quality(Path dir, Path export) throws IOException {
        long start = System.nanoTime();
        int schools = (int) Files.lines(dir.resolve("schools.csv")).count() - 1;
        int days = 400;
        float[][] truth = new float[schools][];
        for (int i = 0; i < schools; i++) {
            truth[i] = new float[days];
        }
        byte[][] shortage = new byte[schools][days];
        Dataset data = new Dataset(1 << 20);
        List<int[]> rowKeys = new ArrayList<>();
        SchoolCalendar calendar = SchoolCalendar.standard();
        float[] f = new float[Feature.COUNT];
        Twin twin = load(dir, (tw, di, reported) -> {
            LocalDate day = tw.days.get(di);
            int t = (int) day.toEpochDay();
            for (int s : reported) {
                shortage[s][di] = (byte) (MealHistory.isShortage(tw.meals[s].reason(t)) ? 1 : 0);
            }
            if (di < WARM_UP) {
                return;
            }
            Features.AsOf asOf = new Features.AsOf(day, calendar, HORIZON);
            for (int s : reported) {
                Features.compute(tw.inputs(s, t, di), asOf, f, 0);
                data.add(f, false, t);
                rowKeys.add(new int[] { s, di });
            }
        }, truth);
        int dayCount = twin.days.size();
        // labels and the latent truth of the next 3 school days; rows without 3 days after them go
        Dataset labelled = new Dataset(data.rows());
        List<Double> oracle = new ArrayList<>();
        float[] row = new float[Feature.COUNT];
        for (int i = 0; i < data.rows(); i++) {
            int s = rowKeys.get(i)[0];
            int di = rowKeys.get(i)[1];
            if (di + HORIZON >= dayCount) {
                continue;
            }
            boolean label = false;
            double none = 1;
            for (int k = 1; k <= HORIZON; k++) {
                label |= shortage[s][di + k] == 1;
                none *= 1 - truth[s][di + k];
            }
            for (int c = 0; c < Feature.COUNT; c++) {
                row[c] = data.feature(i, c);
            }
            labelled.add(row, label, data.day(i));
            oracle.add(1 - none);
        }
        long loaded = System.nanoTime();
        System.out.printf("replayed %s: %d schools, %d school days (%s to %s), %d labelled rows in %.1f s%n", dir,
                schools, dayCount, twin.days.getFirst(), twin.days.getLast(), labelled.rows(),
                (loaded - start) / 1e9);

        TrainingOptions options = new TrainingOptions(HORIZON, Integer.getInteger("rounds", 200),
                Integer.getInteger("depth", 3), Double.parseDouble(System.getProperty("eta", "0.05")), Integer.getInteger("forestTrees", 15),
                Integer.getInteger("forestRows", 30_000), Runtime.getRuntime().availableProcessors(), 1);
        RiskTrainer.Result result = RiskTrainer.train(labelled, options, RiskLevels.DEFAULT);
        long trained = System.nanoTime();
        var split = result.split();
        System.out.printf("windows: train %s..%s (%d rows), calibrate %s..%s (%d), held back %s..%s (%d); trained in %.1f s%n",
                LocalDate.ofEpochDay(split.trainFrom()), LocalDate.ofEpochDay(split.trainTo()), split.train().length,
                LocalDate.ofEpochDay(split.calibrationFrom()), LocalDate.ofEpochDay(split.calibrationTo()),
                split.calibration().length, LocalDate.ofEpochDay(split.testFrom()),
                LocalDate.ofEpochDay(split.testTo()), split.test().length, (trained - loaded) / 1e9);
        double[] bayes = new double[split.test().length];
        boolean[] labels = labelled.labels(split.test());
        for (int i = 0; i < bayes.length; i++) {
            bayes[i] = oracle.get(split.test()[i]);
        }
        Metrics best = Metrics.of(bayes, labels, RiskTrainer.OPERATING_POINT);
        Metrics bestCritical = Metrics.of(bayes, labels, RiskLevels.DEFAULT.critical() / 100);
        System.out.println();
        System.out.println("| predictor (held-back days) | accuracy | precision | recall | F1 | ROC-AUC | PR-AUC | Brier |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        line("latent truth (Bayes-optimal)", best);
        line("gradient-boosted trees, calibrated (served)", result.test());
        if (result.forest() != null) {
            line("random forest, calibrated", result.forest());
        }
        line("logistic regression, calibrated", result.baseline());
        System.out.println();
        System.out.printf("positives %d of %d (%.2f %%); accuracy %.2f %% of the Bayes-optimal accuracy%n",
                result.test().positives(), result.test().rows(), 100.0 * result.test().positives() / result.test().rows(),
                100 * result.test().accuracy() / best.accuracy());
        System.out.printf("recall at CRITICAL (score >= %.0f): model %.3f, latent truth %.3f%n",
                RiskLevels.DEFAULT.critical(), result.criticalRecall(), bestCritical.recall());
        System.out.printf("confusion at %.2f: TP %d FP %d TN %d FN %d%n", RiskTrainer.OPERATING_POINT,
                result.test().truePositives(), result.test().falsePositives(), result.test().trueNegatives(),
                result.test().falseNegatives());
        System.out.println("importance (gain): " + result.importance());
        // the held-back school-days scored highest, with what the model saw
        float[] testX = labelled.matrix(split.test());
        RiskModel.Scored scored = result.model().score(testX, split.test().length, false);
        Integer[] order = new Integer[split.test().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scored.probability()[b], scored.probability()[a]));
        int critical = 0;
        for (double p : scored.probability()) {
            critical += p >= RiskLevels.DEFAULT.critical() / 100 ? 1 : 0;
        }
        System.out.printf("accuracy at the seed's operating point (CRITICAL, score >= %.0f): model %.4f, latent truth %.4f%n",
                RiskLevels.DEFAULT.critical(),
                Metrics.of(scored.probability(), labels, RiskLevels.DEFAULT.critical() / 100).accuracy(),
                bestCritical.accuracy());
        System.out.printf("held-back school-days scored CRITICAL: %d; the highest:%n", critical);
        for (int i = 0; i < Math.min(5, order.length); i++) {
            int r = order[i];
            StringBuilder features = new StringBuilder();
            for (Feature feature : Feature.values()) {
                features.append(' ').append(feature.key()).append('=').append(testX[r * Feature.COUNT + feature.ordinal()]);
            }
            System.out.printf("  %.3f (label %s):%s%n", scored.probability()[r], labels[r], features);
        }
        probe(result.model(), calendar);
        byte[] artifact = result.model().toBytes();
        Files.write(dir.resolve("risk-model.bin"), artifact);
        System.out.printf("model written to %s (%d bytes, sha-256 %s)%n", dir.resolve("risk-model.bin"), artifact.length,
                RiskModel.sha256(artifact));
        if (export != null) {
            export(export, result, artifact, best, bestCritical.recall(), twin, labelled.rows());
        }
    }

    /**
     * The scenario a live suite can produce today through school-service's API, as ml-service's
     * consumers see it: a school (its own stock, no kitchen) with a month of reports back-dated
     * to today, the last {@code noStock} without a meal for want of stock, its rice adjusted down
     * to 0.5 days today (StockLow LOW), and {@code late} deliveries promised yesterday reported
     * late today. Printed with the model's score for each, as of {@code -DprobeDay} (default today).
     */
    static void probe(RiskModel model, SchoolCalendar calendar) {
        LocalDate today = LocalDate.parse(System.getProperty("probeDay", LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).toString()));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today; days.size() < 30; d = d.minusDays(1)) {
            if (calendar.isSchoolDay(d) || d.equals(today)) {
                days.add(0, d);
            }
        }
        int t = (int) today.toEpochDay();
        Features.AsOf asOf = new Features.AsOf(today, calendar, HORIZON);
        System.out.printf("live scenario as of %s (school days: %s..%s):%n", today, days.getFirst(), days.getLast());
        for (int noStock = 1; noStock <= 3; noStock++) {
            for (int late = 1; late <= 3; late++) {
                MealHistory meals = new MealHistory();
                for (int k = 0; k < days.size(); k++) {
                    boolean none = k >= days.size() - noStock;
                    meals.record((int) days.get(k).toEpochDay(), 180, none ? MealHistory.reasonCode("NO_STOCK")
                            : MealHistory.reasonCode(""), t * 1440 + k);
                }
                int[] delayDays = new int[late];
                int[] delayLate = new int[late];
                Arrays.fill(delayDays, t);
                Arrays.fill(delayLate, 1);
                SchoolInputs in = new SchoolInputs(meals, 200, SchoolInputs.NONE, true, 33, 0.5, t, t, delayDays,
                        delayLate, late, SchoolInputs.NONE, Double.NaN, 0, SchoolInputs.NONE, 0);
                float[] x = Features.compute(in, asOf);
                RiskModel.Scored scored = model.score(x, 1, true);
                List<Factor> factors = RiskModel.factors(scored.contributions()[0], x, 0, 3);
                System.out.printf("  %d NO_STOCK, %d late: score %.1f; factors %s%n", noStock, late,
                        100 * scored.probability()[0], factors.stream().map(Factor::feature).toList());
            }
        }
    }

    static final String COLD_START_VERSION = "twin-2";

    /**
     * The model as ml-service's cold-start resource: the artifact as the registry stores it
     * ({@code school-risk.bin}) and beside it its SHA-256, version, windows, features and
     * metrics ({@code school-risk.json}).
     */
    static void export(Path out, RiskTrainer.Result result, byte[] artifact, Metrics bayes, double bayesCriticalRecall,
            Twin twin, int rows) throws IOException {
        Files.createDirectories(out);
        Files.write(out.resolve("school-risk.bin"), artifact);
        var split = result.split();
        Map<String, Double> metrics = new java.util.LinkedHashMap<>(result.metrics());
        bayes.asMap("latentTruth.").forEach(metrics::put);
        metrics.put("latentTruth.criticalRecall", bayesCriticalRecall);
        StringBuilder json = new StringBuilder();
        json.append("{\n");
        json.append("  \"name\": \"school-risk\",\n");
        json.append("  \"version\": \"").append(COLD_START_VERSION).append("\",\n");
        json.append("  \"algorithm\": \"xgboost-gbt+isotonic\",\n");
        json.append("  \"sha256\": \"").append(RiskModel.sha256(artifact)).append("\",\n");
        json.append("  \"bytes\": ").append(artifact.length).append(",\n");
        json.append("  \"trainedOn\": \"the simulator's twin: ").append(twin.udise.size()).append(" schools, ")
            .append(twin.days.size()).append(" school days from ").append(twin.days.getFirst()).append(" to ")
            .append(twin.days.getLast()).append(", ").append(rows).append(" labelled school-days\",\n");
        json.append("  \"trainingRows\": ").append(split.train().length).append(",\n");
        json.append("  \"trainFrom\": \"").append(LocalDate.ofEpochDay(split.trainFrom())).append("\",\n");
        json.append("  \"trainTo\": \"").append(LocalDate.ofEpochDay(split.trainTo())).append("\",\n");
        json.append("  \"heldBackFrom\": \"").append(LocalDate.ofEpochDay(split.testFrom())).append("\",\n");
        json.append("  \"heldBackTo\": \"").append(LocalDate.ofEpochDay(split.testTo())).append("\",\n");
        json.append("  \"features\": [");
        String[] keys = Feature.keys();
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(keys[i]).append('"');
        }
        json.append("],\n");
        json.append("  \"metrics\": {");
        boolean first = true;
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            if (m.getValue() == null || !Double.isFinite(m.getValue())) {
                continue;
            }
            json.append(first ? "\n" : ",\n").append("    \"").append(m.getKey()).append("\": ")
                .append(BigDecimalText.of(m.getValue()));
            first = false;
        }
        json.append("\n  }\n}\n");
        Files.writeString(out.resolve("school-risk.json"), json);
        System.out.printf("cold-start model written to %s (school-risk.bin, %d bytes; school-risk.json)%n", out,
                artifact.length);
    }

    /** A number as JSON text, without exponent surprises. */
    static final class BigDecimalText {

        static String of(double value) {
            return new java.math.BigDecimal(value).round(new java.math.MathContext(8)).stripTrailingZeros()
                .toPlainString();
        }

    }

    static void line(String name, Metrics m) {
        System.out.printf("| %s | %.4f | %.3f | %.3f | %.3f | %.4f | %.4f | %.5f |%n", name, m.accuracy(), m.precision(),
                m.recall(), m.f1(), m.rocAuc(), m.prAuc(), m.brier());
    }

    static void speed(Path dir, Path modelFile, int runs) throws IOException {
        long start = System.nanoTime();
        Twin twin = load(dir, (tw, di, reported) -> {
        }, null);
        int n = twin.udise.size();
        LocalDate last = twin.days.getLast();
        int t = (int) last.toEpochDay();
        int lastIndex = twin.days.size() - 1;
        SchoolInputs[] inputs = new SchoolInputs[n];
        for (int s = 0; s < n; s++) {
            inputs[s] = twin.inputs(s, t, lastIndex);
        }
        RiskModel model = RiskModel.fromBytes(Files.readAllBytes(modelFile));
        System.out.printf("loaded %d schools, %d school days to %s in %.1f s%n", n, twin.days.size(), last,
                (System.nanoTime() - start) / 1e9);
        RiskLevels levels = RiskLevels.DEFAULT;
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            Features.AsOf asOf = new Features.AsOf(last, SchoolCalendar.standard(), HORIZON);
            float[] matrix = new float[n * Feature.COUNT];
            java.util.stream.IntStream.range(0, (n + 9_999) / 10_000).parallel().forEach(chunk -> {
                for (int s = chunk * 10_000; s < Math.min(n, (chunk + 1) * 10_000); s++) {
                    Features.compute(inputs[s], asOf, matrix, s * Feature.COUNT);
                }
            });
            long t1 = System.nanoTime();
            RiskModel.Scored scored = model.score(matrix, n, true);
            long t2 = System.nanoTime();
            String[] levelOf = new String[n];
            List<List<Factor>> factors = new ArrayList<>(java.util.Collections.nCopies(n, (List<Factor>) null));
            java.util.stream.IntStream.range(0, (n + 9_999) / 10_000).parallel().forEach(chunk -> {
                for (int s = chunk * 10_000; s < Math.min(n, (chunk + 1) * 10_000); s++) {
                    double score = Math.round(scored.probability()[s] * 1000) / 10.0;
                    levelOf[s] = levels.of(score);
                    factors.set(s, RiskModel.factors(scored.contributions()[s], matrix, s, 3));
                }
            });
            int[] byLevel = new int[4];
            long factorCount = 0;
            for (int s = 0; s < n; s++) {
                factorCount += factors.get(s).size();
                byLevel[switch (levelOf[s]) {
                    case "CRITICAL" -> 0;
                    case "HIGH" -> 1;
                    case "MEDIUM" -> 2;
                    default -> 3;
                }]++;
            }
            long t3 = System.nanoTime();
            float[] raw = model.raw(matrix, n);
            long t4 = System.nanoTime();
            double total = (t3 - t0) / 1e9;
            double rawSeconds = (t4 - t3) / 1e9;
            System.out.printf(
                    "run %d: %d schools scored in %.2f s (features %.2f s, predict + calibrate + explain %.2f s, levels and factors %.2f s); raw predict %.2f s; ratio %.1f; CRITICAL %d HIGH %d MEDIUM %d LOW %d; %d factors (%s)%n",
                    run, n, total, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, rawSeconds,
                    total / rawSeconds, byLevel[0], byLevel[1], byLevel[2], byLevel[3], factorCount,
                    factors.get(0).isEmpty() ? "-" : factors.get(0).get(0).text());
            if (raw.length != n) {
                throw new IllegalStateException();
            }
        }
    }

    /** A CSV file's rows (the header left out), with quoted cells. */
    static List<String[]> read(Path file) throws IOException {
        return CsvRows.read(file);
    }

}
