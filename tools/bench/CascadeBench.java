import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import in.mdm.testkit.CsvRows;
import in.mdm.ml.cascade.Cascade;
import in.mdm.ml.cascade.CascadeModel;

/**
 * ml-service's cascade risk on the simulator's twin with injected supplier and kitchen failures, through the
 * service's own propagation code (in.mdm.ml.cascade, no Spring).
 *
 * java ... CascadeBench.java DIR [--no-sharing]
 *
 * Replays DIR (simulator output with --fail-suppliers / --fail-kitchens) day by day as ml-service's consumers
 * would see it: a kitchen's stock per commodity only when it crosses below 7 days or runs out (KitchenStockLow),
 * a delivery reported late the day after its promise when it had not come (DeliveryDelayed, naming the kitchen
 * and its supplier; a kitchen's suppliers are known only from these), no receipt and nothing when stock recovers.
 * After each day's events every school is assessed (schools' own probability 0: the exposure alone counts).
 *
 * Horizon H = the model's horizon (3 school days). Recall: of the (injected failure, school) pairs the simulator
 * attributes at least one day without a meal to (failure-days.csv), those exposed on one of the H school days
 * before the first of them (lead at least 1 school day: the evening before at the latest). Precision: of the
 * alarms (a school's run of consecutive exposed days, from the warm-up on), those followed by a day without a meal
 * for want of stock (NO_STOCK, injected or not) within the run or the H school days after it.
 */
public class CascadeBench {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        boolean sharing = !Arrays.asList(args).contains("--no-sharing");
        CascadeModel model = tuned(!sharing ? noSharing(CascadeModel.DEFAULT) : CascadeModel.DEFAULT);
        int warmUp = Integer.getInteger("warmUp", 10);
        long started = System.nanoTime();

        // schools and kitchens
        Map<String, Integer> schoolIndex = new HashMap<>();
        List<String[]> schoolRows = read(dir.resolve("schools.csv"));
        Map<String, String> kitchenOf = new HashMap<>();
        for (String[] r : read(dir.resolve("kitchen-schools.csv"))) {
            kitchenOf.put(r[1], r[0]);
        }
        List<Cascade.School> schools = new ArrayList<>();
        for (String[] r : schoolRows) {
            if (!kitchenOf.containsKey(r[0])) {
                continue; // not under PM POSHAN: no meals, no kitchen
            }
            schoolIndex.put(r[0], schools.size());
            schools.add(new Cascade.School(r[0], r[4], Integer.parseInt(r[12]) + Integer.parseInt(r[13]), 0,
                    kitchenOf.get(r[0]), sharing ? Double.parseDouble(r[10]) : Double.NaN,
                    sharing ? Double.parseDouble(r[11]) : Double.NaN));
        }
        int n = schools.size();
        Map<String, Integer> kitchenIndex = new HashMap<>();
        List<String> kitchenCodes = new ArrayList<>();
        List<double[]> need = new ArrayList<>();
        for (String[] r : read(dir.resolve("kitchens.csv"))) {
            kitchenIndex.put(r[0], kitchenCodes.size());
            kitchenCodes.add(r[0]);
            double p = Double.parseDouble(r[7]);
            double u = Double.parseDouble(r[8]);
            need.add(new double[] { 0.1 * p + 0.15 * u, 0.02 * p + 0.03 * u, 0.005 * p + 0.0075 * u });
        }
        int kn = kitchenCodes.size();

        // deliveries reported late the day after their promise, if not there by then: [reported epoch day, kitchen,
        // supplier]
        List<Object[]> late = new ArrayList<>();
        for (String[] r : read(dir.resolve("deliveries.csv"))) {
            long expected = LocalDate.parse(r[6]).toEpochDay();
            if (r[9].equals("IN_TRANSIT") || LocalDate.parse(r[7]).toEpochDay() > expected) {
                late.add(new Object[] { expected + 1, kitchenIndex.get(r[1]), r[3] });
            }
        }
        late.sort((a, b) -> Long.compare((long) a[0], (long) b[0]));

        // injected failures: (failure, school) -> first day without a meal owed to it
        Map<String, String> failureKind = new HashMap<>();
        for (String[] r : read(dir.resolve("failures.csv"))) {
            failureKind.put(r[0], r[1]);
        }
        Map<String, LocalDate> owedFirst = new HashMap<>();
        for (String[] r : read(dir.resolve("failure-days.csv"))) {
            owedFirst.merge(r[0] + "/" + r[4], LocalDate.parse(r[5]), (a, b) -> a.isBefore(b) ? a : b);
        }

        // the replay
        double[][] stockDays = new double[kn][3];
        int[][] stockDay = new int[kn][3];
        int[][] stockStatus = new int[kn][3];
        boolean[][] sudden = new boolean[kn][3];
        for (int k = 0; k < kn; k++) {
            Arrays.fill(stockDay[k], -1);
            Arrays.fill(stockStatus[k], 2);
        }
        int[] lastLate = new int[kn];
        Arrays.fill(lastLate, -1_000);
        List<Set<String>> suppliersOf = new ArrayList<>();
        for (int k = 0; k < kn; k++) {
            suppliersOf.add(new TreeSet<>());
        }
        Map<String, List<int[]>> supplierLate = new HashMap<>(); // supplier -> [day index, kitchen]
        List<LocalDate> days = new ArrayList<>();
        Map<LocalDate, Integer> dayIndex = new HashMap<>();
        List<boolean[]> exposed = new ArrayList<>();
        List<boolean[]> noStock = new ArrayList<>();
        List<byte[]> why = new ArrayList<>(); // per day and kitchen: 0 none, 1 out+late, 2 out sudden, 3 out routine, 4 low+late, 5 low
        int nextLate = 0;
        long assessNanos = 0;
        int maxWarned = 0;
        try (BufferedReader reports = Files.newBufferedReader(dir.resolve("daily-reports.csv"));
                BufferedReader stock = Files.newBufferedReader(dir.resolve("stock.csv"))) {
            reports.readLine();
            stock.readLine();
            String line = reports.readLine();
            String stockLine = stock.readLine();
            while (line != null) {
                int comma = line.indexOf(',') + 1;
                String date = line.substring(comma, comma + 10);
                LocalDate day = LocalDate.parse(date);
                int di = days.size();
                days.add(day);
                dayIndex.put(day, di);
                boolean[] out = new boolean[n];
                while (line != null && line.regionMatches(line.indexOf(',') + 1, date, 0, 10)) {
                    if (line.endsWith(",NO_STOCK")) {
                        Integer s = schoolIndex.get(line.substring(0, line.indexOf(',')));
                        if (s != null) {
                            out[s] = true;
                        }
                    }
                    line = reports.readLine();
                }
                noStock.add(out);
                while (stockLine != null && stockLine.regionMatches(stockLine.indexOf(',') + 1, date, 0, 10)) {
                    String[] r = stockLine.split(",");
                    int k = kitchenIndex.get(r[0]);
                    for (int c = 0; c < 3; c++) {
                        double opening = Double.parseDouble(r[2 + 4 * c]);
                        double received = Double.parseDouble(r[3 + 4 * c]);
                        double closing = Double.parseDouble(r[5 + 4 * c]);
                        if (received > 0) {
                            stockStatus[k][c] = status(opening + received, need.get(k)[c]);
                        }
                        int status = status(closing, need.get(k)[c]);
                        if (status < stockStatus[k][c] && (status == 0 || stockStatus[k][c] == 2)) {
                            // sudden: out while the report before (if it still counts) gave more than a day
                            double before = stockDay[k][c] < 0 ? Double.NaN
                                    : model.daysLeft(stockDays[k][c] <= 0, stockDays[k][c], di - stockDay[k][c]);
                            sudden[k][c] = status == 0 && (Double.isNaN(before) || before > 1);
                            stockDays[k][c] = Math.floor(closing / need.get(k)[c] * 10) / 10;
                            stockDay[k][c] = di;
                        }
                        stockStatus[k][c] = status;
                    }
                    stockLine = stock.readLine();
                }
                while (nextLate < late.size() && (long) late.get(nextLate)[0] <= day.toEpochDay()) {
                    Object[] d = late.get(nextLate++);
                    int k = (int) d[1];
                    lastLate[k] = di;
                    suppliersOf.get(k).add((String) d[2]);
                    supplierLate.computeIfAbsent((String) d[2], x -> new ArrayList<>()).add(new int[] { di, k });
                }

                // what ml-service knows this evening
                Map<String, Cascade.Site> sites = new HashMap<>();
                for (int k = 0; k < kn; k++) {
                    boolean stockOut = false;
                    boolean suddenly = false;
                    double left = Double.NaN;
                    for (int c = 0; c < 3; c++) {
                        if (stockDay[k][c] < 0) {
                            continue;
                        }
                        int elapsed = di - stockDay[k][c];
                        double projected = model.daysLeft(stockDays[k][c] <= 0, stockDays[k][c], elapsed);
                        if (stockDays[k][c] <= 0 && !Double.isNaN(projected)) {
                            stockOut = true;
                            suddenly |= sudden[k][c];
                        }
                        if (!Double.isNaN(projected) && (Double.isNaN(left) || projected < left)) {
                            left = projected;
                        }
                    }
                    sites.put(kitchenCodes.get(k), new Cascade.Site(kitchenCodes.get(k), stockOut, suddenly, left,
                            di - lastLate[k] <= model.lateWindow(), suppliersOf.get(k)));
                }
                byte[] w = new byte[kn];
                for (int k = 0; k < kn; k++) {
                    Cascade.Site site = sites.get(kitchenCodes.get(k));
                    w[k] = (byte) (site.stockOut() ? (site.late() ? 1 : site.sudden() ? 2 : 3)
                            : Double.isNaN(site.daysLeft()) ? 0 : site.late() ? 4 : 5);
                }
                why.add(w);
                Map<String, Integer> lateSites = new HashMap<>();
                supplierLate.forEach((supplier, list) -> {
                    Set<Integer> ks = new HashSet<>();
                    for (int[] e : list) {
                        if (di - e[0] < model.supplierWindow()) {
                            ks.add(e[1]);
                        }
                    }
                    lateSites.put(supplier, ks.size());
                });
                long t0 = System.nanoTime();
                Cascade.Assessment assessment = Cascade.assess(model, schools, sites, lateSites);
                assessNanos += System.nanoTime() - t0;
                maxWarned = Math.max(maxWarned, assessment.warnedBlocks().size());
                boolean[] e = new boolean[n];
                for (int s = 0; s < n; s++) {
                    e[s] = assessment.schools().get(schools.get(s).udiseCode()).level() != null;
                }
                exposed.add(e);
            }
        }
        int h = model.horizon();
        int dn = days.size();

        // recall on the injected failures
        int[] positives = new int[2];
        int[] found = new int[2];
        int[] foundEarly = new int[2];
        for (Map.Entry<String, LocalDate> owed : owedFirst.entrySet()) {
            String failure = owed.getKey().substring(0, owed.getKey().indexOf('/'));
            Integer s = schoolIndex.get(owed.getKey().substring(owed.getKey().indexOf('/') + 1));
            int f = dayIndex.get(owed.getValue());
            int kind = failureKind.get(failure).equals("SUPPLIER") ? 0 : 1;
            positives[kind]++;
            boolean hit = false;
            boolean early = false;
            for (int t = Math.max(0, f - h); t <= f - 1; t++) {
                hit |= exposed.get(t)[s];
                early |= t <= f - 2 && exposed.get(t)[s];
            }
            found[kind] += hit ? 1 : 0;
            foundEarly[kind] += early ? 1 : 0;
        }
        // precision on alarms, and on exposed school-days
        long[][] byWhy = new long[6][2];
        long alarms = 0;
        long trueAlarms = 0;
        long exposedDays = 0;
        long trueDays = 0;
        // recall on every stock-out run (injected or not)
        long runs = 0;
        long runsFound = 0;
        for (int s = 0; s < n; s++) {
            for (int t = warmUp; t < dn; t++) {
                if (exposed.get(t)[s]) {
                    exposedDays++;
                    boolean ahead = false;
                    for (int u = t + 1; u <= Math.min(dn - 1, t + h); u++) {
                        ahead |= noStock.get(u)[s];
                    }
                    trueDays += ahead ? 1 : 0;
                    if (!exposed.get(t - 1)[s]) {
                        int end = t;
                        while (end + 1 < dn && exposed.get(end + 1)[s]) {
                            end++;
                        }
                        alarms++;
                        int cat = why.get(t)[kitchenIndex.get(schools.get(s).site())];
                        byWhy[cat][0]++;
                        boolean hit = false;
                        for (int u = t + 1; u <= Math.min(dn - 1, end + h); u++) {
                            hit |= noStock.get(u)[s];
                        }
                        trueAlarms += hit ? 1 : 0;
                        byWhy[cat][1] += hit ? 1 : 0;
                    }
                }
                if (noStock.get(t)[s] && !noStock.get(t - 1)[s]) {
                    runs++;
                    boolean hit = false;
                    for (int u = Math.max(0, t - h); u <= t - 1; u++) {
                        hit |= exposed.get(u)[s];
                    }
                    runsFound += hit ? 1 : 0;
                }
            }
        }
        System.out.printf(Locale.ROOT, "twin %s: %d schools, %d kitchens, %d school days %s..%s, sharing edges %s%n", dir,
                n, kn, dn, days.getFirst(), days.getLast(), sharing ? "from coordinates" : "off");
        System.out.printf(Locale.ROOT, "injected failures: %d, (failure, school) pairs with a day without a meal: %d"
                + " (suppliers %d, kitchens %d)%n", failureKind.size(), positives[0] + positives[1], positives[0],
                positives[1]);
        System.out.printf(Locale.ROOT,
                "recall (exposed within %d school days before the first day without a meal): %.3f (suppliers %.3f,"
                        + " kitchens %.3f); with a lead of 2 school days or more: %.3f%n",
                h, ratio(found[0] + found[1], positives[0] + positives[1]), ratio(found[0], positives[0]),
                ratio(found[1], positives[1]), ratio(foundEarly[0] + foundEarly[1], positives[0] + positives[1]));
        System.out.printf(Locale.ROOT,
                "precision (alarms from day %d followed by a NO_STOCK day within %d school days): %.3f (%d of %d);"
                        + " per exposed school-day %.3f (%d of %d)%n",
                warmUp, h, ratio(trueAlarms, alarms), trueAlarms, alarms, ratio(trueDays, exposedDays), trueDays,
                exposedDays);
        System.out.printf(Locale.ROOT,
                "all stock-out runs (injected or not): %d, exposed before: %.3f; most blocks warned on a day: %d%n",
                runs, ratio(runsFound, runs), maxWarned);
        if (Boolean.getBoolean("why")) {
            for (int c = 0; c < 6; c++) {
                System.out.printf(Locale.ROOT, "  alarms with the kitchen %s: %d, true %d%n",
                        new String[] { "unknown", "out+late", "out sudden", "out routine", "low+late", "low" }[c],
                        byWhy[c][0], byWhy[c][1]);
            }
        }
        System.out.printf(Locale.ROOT, "assessment %.1f ms a day (all schools of the state), total %.1f s%n",
                assessNanos / 1e6 / dn, (System.nanoTime() - started) / 1e9);
    }

    /** -DstockScale= -DonTime= -DperLateSite= -Ddependence= -Dexposed= -DlateWindow= -DsupplierWindow= override. */
    static CascadeModel tuned(CascadeModel m) {
        return new CascadeModel(m.horizon(), Integer.getInteger("hops", m.hops()), m.stockOut(),
                d("routineOut", m.routineOut()),
                d("stockScale", m.stockScale()), d("onTime", m.onTime()), d("perLateSite", m.perLateSite()),
                Integer.getInteger("supplierWindow", m.supplierWindow()), Integer.getInteger("lateWindow", m.lateWindow()),
                Integer.getInteger("observationWindow", m.observationWindow()), d("dependence", m.dependence()),
                m.kitchenDependence(), m.buffer(), m.sharingKm(), d("exposed", m.exposed()), m.critical(),
                m.blockShare());
    }

    static double d(String name, double value) {
        String v = System.getProperty(name);
        return v == null ? value : Double.parseDouble(v);
    }

    static CascadeModel noSharing(CascadeModel m) {
        return new CascadeModel(m.horizon(), m.hops(), m.stockOut(), m.routineOut(), m.stockScale(), m.onTime(), m.perLateSite(),
                m.supplierWindow(), m.lateWindow(), m.observationWindow(), m.dependence(), m.kitchenDependence(), 0,
                m.sharingKm(), m.exposed(), m.critical(), m.blockShare());
    }

    static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /** School-service's status: 0 out (nothing left), 1 low (under 7 days), 2 adequate. */
    static int status(double quantityKg, double needKg) {
        return quantityKg <= 0 ? 0 : Math.floor(quantityKg / needKg * 10) / 10 < 7 ? 1 : 2;
    }

    /** A CSV file's rows (the header left out), with quoted cells. */
    static List<String[]> read(Path file) throws IOException {
        return CsvRows.read(file);
    }

}
