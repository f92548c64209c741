package in.mdm.optimization.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The twin run forward: a Monte Carlo simulation, day by day and store by store, of meals
 * served and missed, in the baseline and under a scenario's perturbations (the model is
 * described in optimization-service/README.md, "What-if runs").
 * <p>
 * Repeatable: every random number of run r at store s comes from a SplitMix64 stream
 * seeded by (seed, r, s) and is drawn whether it is used or not, so a run does not depend
 * on the threads, and the baseline and the scenario of a run see the same numbers (their
 * difference is the perturbations', not the dice's). The inner loop reads and writes
 * preallocated arrays only.
 */
public final class ScenarioEngine {

    public static final int MAX_DAYS = 60;

    public static final int MAX_RUNS = 2000;

    /**
     * Scales the sum of four uniforms (centred) so that its 10 %/90 % quantiles are
     * ±1.2816.
     */
    private static final double IRWIN_HALL_80 = 1.7009760795949704;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final ScenarioSettings settings;

    private final double[] delayCdf;

    private final int[] norms;

    public ScenarioEngine(ScenarioSettings settings) {
        this.settings = settings;
        List<Double> weights = settings.delayWeights();
        double sum = weights.stream().mapToDouble(w -> Math.max(0, w)).sum();
        if (!(sum > 0)) {
            throw new IllegalArgumentException("delayWeights: at least one positive weight");
        }
        this.delayCdf = new double[weights.size()];
        double cumulative = 0;
        for (int k = 0; k < weights.size(); k++) {
            cumulative += Math.max(0, weights.get(k)) / sum;
            delayCdf[k] = cumulative;
        }
        delayCdf[delayCdf.length - 1] = 1;
        this.norms = new int[] { settings.grainGrams(), settings.pulsesGrams(), settings.oilGrams() };
    }

    /** Told, now and then, how many runs are done. */
    @FunctionalInterface
    public interface Progress {

        void runsDone(int done);

    }

    /**
     * Runs the twin {@code runs} times, each in the baseline and under the perturbations,
     * on {@link ScenarioSettings#threads} threads.
     */
    public Projection run(TwinState state, List<Perturbation> perturbations, int runs, long seed, Progress progress)
            throws InterruptedException {
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs: 1 to " + MAX_RUNS);
        }
        Changes changes = new Changes(state, perturbations, settings.releaseCutShare());
        int n = state.schools;
        int days = state.days;
        int[] baseline = new int[Math.multiplyExact(runs, n)];
        int[] scenario = new int[runs * n];
        long[] dailyBaseline = new long[runs * days];
        long[] dailyScenario = new long[runs * days];
        int maxStore = 0;
        for (int s = 0; s < state.stores; s++) {
            maxStore = Math.max(maxStore, state.storeStart[s + 1] - state.storeStart[s]);
        }
        int storeSize = maxStore;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.min(settings.parallelism(), runs);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "scenario-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    Scratch scratch = new Scratch(storeSize, days / settings.cycleDays() + 2);
                    for (int r = next.getAndIncrement(); r < runs; r = next.getAndIncrement()) {
                        if (Thread.currentThread().isInterrupted()) {
                            return;
                        }
                        simulate(state, null, r, seed, baseline, dailyBaseline, scratch);
                        simulate(state, changes, r, seed, scenario, dailyScenario, scratch);
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                while (true) {
                    try {
                        future.get(250, TimeUnit.MILLISECONDS);
                        break;
                    }
                    catch (TimeoutException ex) {
                        progress.runsDone(done.get());
                    }
                    catch (ExecutionException ex) {
                        throw new IllegalStateException("a run failed", ex.getCause());
                    }
                }
            }
            progress.runsDone(done.get());
        }
        finally {
            pool.shutdownNow();
        }
        return reduce(state, runs, baseline, scenario, dailyBaseline, dailyScenario);
    }

    /** Per-thread arrays, allocated once per job. */
    private static final class Scratch {

        final int[] want;

        final int[] arrivals;

        final double[] stock = new double[TwinState.COMMODITIES];

        Scratch(int storeSize, int deliveries) {
            this.want = new int[Math.max(1, storeSize)];
            this.arrivals = new int[deliveries];
        }

    }

    /**
     * One run of every store; {@code changes} null for the baseline. Adds each school's
     * meals missed to {@code missed[r * n + i]} and each day's to
     * {@code daily[r * days + d]}.
     */
    private void simulate(TwinState st, Changes changes, int r, long seed, int[] missed, long[] daily,
            Scratch scratch) {
        int n = st.schools;
        int days = st.days;
        int cycle = settings.cycleDays();
        int cover = settings.coverDays();
        double riskWeight = settings.riskWeight();
        int deliveries = scratch.arrivals.length;
        int[] want = scratch.want;
        int[] arrivals = scratch.arrivals;
        double[] stock = scratch.stock;
        long runSeed = mix(mix(seed) + (r + 1) * GOLDEN);
        for (int s = 0; s < st.stores; s++) {
            long x = mix(runSeed ^ (s * 0xD1B54A32D192ED03L));
            // deliveries: every cycle from an unknown phase, each with its random delay
            x += GOLDEN;
            int phase = (int) (uniform(mix(x)) * cycle);
            int extra = changes == null ? 0 : changes.supplierDelay[s];
            long held = changes == null || st.storeDistrict[s] < 0 ? 0 : changes.flood[st.storeDistrict[s]];
            for (int k = 0; k < deliveries; k++) {
                x += GOLDEN;
                int delay = delay(uniform(mix(x)));
                int due = phase + k * cycle;
                int arrival = due >= days ? Integer.MAX_VALUE : due + delay + extra;
                while (arrival < days && ((held >>> arrival) & 1) != 0) {
                    arrival++;
                }
                arrivals[k] = arrival;
            }
            System.arraycopy(st.stock, s * TwinState.COMMODITIES, stock, 0, TwinState.COMMODITIES);
            long closed = changes == null ? 0 : changes.kitchenClosed[s];
            int from = st.storeStart[s];
            int to = st.storeStart[s + 1];
            for (int d = 0; d < days; d++) {
                for (int k = 0; k < deliveries; k++) {
                    if (arrivals[k] == d) {
                        for (int c = 0; c < TwinState.COMMODITIES; c++) {
                            double target = cover * st.meanNeed[s * TwinState.COMMODITIES + c];
                            if (!Double.isNaN(stock[c]) && stock[c] < target) {
                                stock[c] = target;
                            }
                        }
                    }
                }
                long served = 0;
                boolean kitchenClosed = ((closed >>> d) & 1) != 0;
                for (int j = from; j < to; j++) {
                    int i = st.storeSchools[j];
                    x += GOLDEN;
                    long noise = mix(x);
                    x += GOLDEN;
                    double uRisk = uniform(mix(x));
                    x += GOLDEN;
                    double uFunds = uniform(mix(x));
                    int idx = i * days + d;
                    double z = gaussian(noise);
                    double meals = st.mean[idx] + z * (z < 0 ? st.sigmaLow[idx] : st.sigmaHigh[idx]);
                    if (changes != null) {
                        meals *= changes.surge[i];
                    }
                    int demand = meals <= 0 ? 0 : (int) (meals + 0.5);
                    want[j - from] = 0;
                    if (changes != null && ((changes.flood[st.schoolDistrict[i]] >>> d) & 1) != 0) {
                        continue; // closed by the flood: nobody to feed
                    }
                    if (kitchenClosed || uRisk < st.riskDaily[i] * riskWeight
                            || (changes != null && uFunds < changes.fundsMiss[i])) {
                        missed[r * n + i] += demand;
                        daily[r * days + d] += demand;
                    }
                    else {
                        want[j - from] = demand;
                        served += demand;
                    }
                }
                if (served == 0) {
                    continue;
                }
                boolean enough = true;
                for (int c = 0; c < TwinState.COMMODITIES; c++) {
                    if (!Double.isNaN(stock[c]) && stock[c] + 1e-6 < served * (double) norms[c]) {
                        enough = false;
                    }
                }
                if (enough) {
                    for (int c = 0; c < TwinState.COMMODITIES; c++) {
                        stock[c] -= served * (double) norms[c];
                    }
                }
                else {
                    for (int j = from; j < to; j++) {
                        int i = st.storeSchools[j];
                        missed[r * n + i] += want[j - from];
                        daily[r * days + d] += want[j - from];
                    }
                }
            }
        }
    }

    private int delay(double u) {
        int k = 0;
        while (u >= delayCdf[k] && k < delayCdf.length - 1) {
            k++;
        }
        return k;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** [0, 1) from the top 53 bits. */
    static double uniform(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /**
     * Nearly a standard normal from 64 random bits: the sum of four 16-bit uniforms,
     * centred and scaled so that its 80 % interval is ±1.2816 (bounded at ±3.4; integer
     * arithmetic and one multiplication, the same on every JVM).
     */
    static double gaussian(long bits) {
        long sum = (bits & 0xFFFF) + ((bits >>> 16) & 0xFFFF) + ((bits >>> 32) & 0xFFFF) + (bits >>> 48) + 2;
        return (sum * 0x1.0p-16 - 2) * IRWIN_HALL_80;
    }

    private static Projection reduce(TwinState st, int runs, int[] baseline, int[] scenario, long[] dailyBaseline,
            long[] dailyScenario) {
        int n = st.schools;
        double[] a = new double[runs];
        double[] b = new double[runs];
        double[] diff = new double[runs];
        List<Projection.Row> schools = new ArrayList<>(n);
        long[] blockBase = new long[st.blocks.length * runs];
        long[] blockScen = new long[st.blocks.length * runs];
        long[] districtBase = new long[st.districts.length * runs];
        long[] districtScen = new long[st.districts.length * runs];
        long[] totalBase = new long[runs];
        long[] totalScen = new long[runs];
        for (int i = 0; i < n; i++) {
            int block = st.schoolBlock[i];
            int district = st.schoolDistrict[i];
            for (int r = 0; r < runs; r++) {
                int x = baseline[r * n + i];
                int y = scenario[r * n + i];
                a[r] = x;
                b[r] = y;
                diff[r] = y - x;
                if (block >= 0) {
                    blockBase[block * runs + r] += x;
                    blockScen[block * runs + r] += y;
                }
                districtBase[district * runs + r] += x;
                districtScen[district * runs + r] += y;
                totalBase[r] += x;
                totalScen[r] += y;
            }
            String blockCode = block < 0 ? null : st.blocks[block];
            schools.add(new Projection.Row(Projection.SCHOOL, st.udise[i], code(st.districts[district]), blockCode,
                    interval(a), interval(b), interval(diff)));
        }
        List<Projection.Row> blocks = new ArrayList<>();
        for (int k = 0; k < st.blocks.length; k++) {
            blocks.add(row(Projection.BLOCK, st.blocks[k], code(st.districts[st.blockDistrict[k]]), st.blocks[k],
                    blockBase, blockScen, k, runs, a, b, diff));
        }
        List<Projection.Row> districts = new ArrayList<>();
        for (int k = 0; k < st.districts.length; k++) {
            if (!st.districts[k].isEmpty()) {
                districts.add(row(Projection.DISTRICT, st.districts[k], st.districts[k], null, districtBase,
                        districtScen, k, runs, a, b, diff));
            }
        }
        Projection.Row total = row(Projection.TOTAL, "", null, null, totalBase, totalScen, 0, runs, a, b, diff);
        return new Projection(n, runs, st.days, total, List.copyOf(districts), List.copyOf(blocks),
                List.copyOf(schools), means(dailyBaseline, runs, st.days), means(dailyScenario, runs, st.days));
    }

    private static String code(String district) {
        return district.isEmpty() ? null : district;
    }

    private static Projection.Row row(String level, String code, String district, String block, long[] base,
            long[] scen, int k, int runs, double[] a, double[] b, double[] diff) {
        for (int r = 0; r < runs; r++) {
            a[r] = base[k * runs + r];
            b[r] = scen[k * runs + r];
            diff[r] = b[r] - a[r];
        }
        return new Projection.Row(level, code, district, block, interval(a), interval(b), interval(diff));
    }

    private static double[] means(long[] daily, int runs, int days) {
        double[] means = new double[days];
        for (int r = 0; r < runs; r++) {
            for (int d = 0; d < days; d++) {
                means[d] += daily[r * days + d];
            }
        }
        for (int d = 0; d < days; d++) {
            means[d] /= runs;
        }
        return means;
    }

    /** Mean and the 10th and 90th percentiles (linear between order statistics). */
    static Projection.Interval interval(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new Projection.Interval(sum / sorted.length, quantile(sorted, 0.1), quantile(sorted, 0.9));
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The perturbations as arrays over the state's schools, stores and districts. */
    private static final class Changes {

        final int[] supplierDelay;

        final long[] kitchenClosed;

        final long[] flood;

        final float[] surge;

        final double[] fundsMiss;

        Changes(TwinState st, List<Perturbation> perturbations, double releaseCutShare) {
            supplierDelay = new int[st.stores];
            kitchenClosed = new long[st.stores];
            flood = new long[st.districts.length];
            surge = new float[st.schools];
            Arrays.fill(surge, 1);
            fundsMiss = new double[st.schools];
            for (Perturbation p : perturbations) {
                switch (p.type()) {
                    case SUPPLIER_DELAY -> {
                        for (int s = 0; s < st.stores; s++) {
                            if (p.supplierCode().equals(st.storeSupplier[s])) {
                                supplierDelay[s] += p.days();
                            }
                        }
                    }
                    case KITCHEN_CLOSED -> {
                        for (int s = 0; s < st.stores; s++) {
                            if (p.kitchenId().equals(st.storeKitchen[s])) {
                                kitchenClosed[s] |= days(p, st.days);
                            }
                        }
                    }
                    case FLOOD -> {
                        int d = Arrays.asList(st.districts).indexOf(p.districtCode());
                        if (d >= 0) {
                            flood[d] |= days(p, st.days);
                        }
                    }
                    case ATTENDANCE_SURGE -> {
                        for (int i = 0; i < st.schools; i++) {
                            if (p.districtCode() != null ? p.districtCode().equals(st.districts[st.schoolDistrict[i]])
                                    : st.schoolBlock[i] >= 0 && p.blockCode().equals(st.blocks[st.schoolBlock[i]])) {
                                surge[i] *= 1 + p.percent() / 100f;
                            }
                        }
                    }
                    case RELEASE_CUT -> {
                        double chance = Math.min(1, p.percent() / 100.0 * releaseCutShare);
                        for (int i = 0; i < st.schools; i++) {
                            if (p.districtCode().equals(st.districts[st.schoolDistrict[i]])) {
                                fundsMiss[i] = 1 - (1 - fundsMiss[i]) * (1 - chance);
                            }
                        }
                    }
                }
            }
        }

        /** Bits fromDay-1 .. fromDay-1+days-1, within the run's days. */
        private static long days(Perturbation p, int runDays) {
            long mask = 0;
            for (int d = p.fromDay() - 1; d < Math.min(runDays, p.fromDay() - 1 + p.days()); d++) {
                mask |= 1L << d;
            }
            return mask;
        }

    }

}
