import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import in.mdm.optimization.transfer.TransferLp;
import in.mdm.optimization.transfer.TransferNeeds;
import in.mdm.optimization.transfer.TransferPlanner;

/**
 * optimization-service's transfer optimizer at a district's and at Tamil Nadu's size, on synthetic schools, and its
 * optimum against ojAlgo's LP of the same networks.
 *
 * A district: 2,000 schools spread over 90 x 90 km. The state: 43,000 schools in 38 districts over Tamil Nadu's
 * extent (8.1-13.5 N, 76.2-80.3 E), each district a 1.3 x 1.3 degree block. Each school eats 40-400 meals a day
 * (7 school days forecast), rice at 100 g a meal; its stock is 0-25 days of its demand, so about a third is short of
 * the 7 days, a third can spare beyond 7 days and a 3-day safety stock; risk uniform 0-1. The service's default
 * settings: 50 km at most, same district, 1,000 kg per vehicle, the 8 nearest surplus schools, Rs 0.02 per kg-km,
 * Rs 0.5 handling per kg, Rs 100 per kg short at risk 1.
 *
 * Timed: TransferPlanner.plan (grid, arcs, per district a maximum flow then a minimum-cost flow of that value).
 * Checked: for every network, delivered grams and cost equal to ojAlgo's two LPs (max flow; min cost at that flow).
 *
 * Arguments: [runs, default 3] [--no-lp]
 */
public class TransferBench {

    public static void main(String[] args) {
        int runs = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 3;
        boolean lp = !List.of(args).contains("--no-lp");
        TransferPlanner planner = new TransferPlanner(
                new TransferPlanner.Settings(50, false, 1_000_000, 8, 0.02, 0.5, 100));
        bench("district", schools(new Random(1), 1, 2_000, 12.5, 79.0, 90.0 / 111), planner, runs, lp);
        bench("state", state(new Random(2)), planner, runs, lp);
    }

    static void bench(String name, List<TransferPlanner.Site> sites, TransferPlanner planner, int runs, boolean lp) {
        long demand = 0;
        long supply = 0;
        int shortSchools = 0;
        int spareSchools = 0;
        for (TransferPlanner.Site s : sites) {
            demand += s.deficitGrams();
            supply += s.surplusGrams();
            shortSchools += s.deficitGrams() > 0 ? 1 : 0;
            spareSchools += s.surplusGrams() > 0 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%s: %,d schools, %,d short of %,.0f kg, %,d sparing %,.0f kg%n", name,
                sites.size(), shortSchools, demand / 1000.0, spareSchools, supply / 1000.0);
        TransferPlanner.Plan plan = null;
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            plan = planner.plan(sites);
            double seconds = (System.nanoTime() - start) / 1e9;
            int arcs = plan.networks().stream().mapToInt(r -> r.network().arcs()).sum();
            System.out.printf(Locale.ROOT,
                    "  run %d: %.3f s; %d networks, %,d arcs, %,d transfers, %,.0f kg delivered (%.1f %% of the "
                            + "shortage), cost Rs %,.2f%n",
                    run, seconds, plan.networks().size(), arcs, plan.moves().size(), plan.deliveredGrams() / 1000.0,
                    100.0 * plan.deliveredGrams() / Math.max(1, demand), plan.cost());
        }
        if (!lp) {
            return;
        }
        long start = System.nanoTime();
        double lpDelivered = 0;
        double lpCost = 0;
        double worst = 0;
        for (TransferPlanner.Result result : plan.networks()) {
            TransferLp.Optimum optimum = TransferLp.solve(result.network());
            lpDelivered += optimum.deliveredGrams();
            lpCost += optimum.cost();
            worst = Math.max(worst, Math.abs(optimum.cost() - result.cost()) / Math.max(1, Math.abs(optimum.cost())));
            if (Math.abs(optimum.deliveredGrams() - result.deliveredGrams()) > 0.5) {
                throw new IllegalStateException("delivered differs: flow " + result.deliveredGrams() + " LP "
                        + optimum.deliveredGrams());
            }
        }
        System.out.printf(Locale.ROOT,
                "  ojAlgo LP: %.1f s; %,.0f kg delivered, cost Rs %,.2f; flow - LP: %,.0f g, Rs %.6f "
                        + "(worst relative difference of a network %.2e)%n",
                (System.nanoTime() - start) / 1e9, lpDelivered / 1000, lpCost, plan.deliveredGrams() - lpDelivered,
                plan.cost() - lpCost, worst);
    }

    static List<TransferPlanner.Site> state(Random random) {
        List<TransferPlanner.Site> sites = new ArrayList<>();
        for (int d = 0; d < 38; d++) {
            double lat = 8.1 + (d / 6) * (5.4 / 6);
            double lon = 76.2 + (d % 6) * (4.1 / 6);
            sites.addAll(schools(random, d, d < 6 ? 1_140 : 1_131, lat + 0.45, lon + 0.34, 0.8));
        }
        return sites.subList(0, 43_000);
    }

    /** Schools of one district around (lat, lon) in a square of {@code size} degrees. */
    static List<TransferPlanner.Site> schools(Random random, int district, int count, double lat, double lon,
            double size) {
        List<TransferPlanner.Site> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long perDay = 40 + random.nextInt(361);
            long meals = perDay * 7;
            double stockKg = perDay * 0.1 * random.nextDouble() * 25;
            long[] need = TransferNeeds.of(stockKg, meals, 7, 100, 3);
            sites.add(new TransferPlanner.Site(String.format("%03d%08d", district, i), String.valueOf(500 + district),
                    lat + (random.nextDouble() - 0.5) * size, lon + (random.nextDouble() - 0.5) * size, need[0],
                    need[1], random.nextDouble()));
        }
        return sites;
    }

}
