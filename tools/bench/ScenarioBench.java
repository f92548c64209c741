import java.util.List;
import java.util.Random;
import java.util.UUID;

import in.mdm.optimization.scenario.Perturbation;
import in.mdm.optimization.scenario.Projection;
import in.mdm.optimization.scenario.ScenarioEngine;
import in.mdm.optimization.scenario.ScenarioSettings;
import in.mdm.optimization.scenario.TwinState;

/**
 * optimization-service's what-if engine (the class the POST /api/v1/optimization/scenarios job runs) on synthetic
 * states: a district of 2,000 schools and a state of 43,000 (38 districts, about 10 blocks each), 14 school days,
 * 200 runs (arguments: runs, days), the defaults of ScenarioSettings. A tenth of the schools are cooked for by
 * kitchens of 20 schools; demand 40-300 meals with an 80 % interval of ±20 %; stock 2-20 days; risk 0-40; suppliers
 * of about 100 sites each. Perturbations: a supplier delayed 7 days, an attendance surge of 15 % in a block and a
 * flood in a district. Loading from PostgreSQL is not timed here.
 */
public class ScenarioBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        ScenarioSettings settings = ScenarioSettings.defaults();
        System.out.printf("threads %d (cores %d), runs %d, days %d%n",
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Runtime.getRuntime().availableProcessors(), runs, days);
        for (int[] size : new int[][] { { 2_000, 1 }, { 43_000, 38 } }) {
            for (int repeat = 0; repeat < 3; repeat++) {
                long t0 = System.nanoTime();
                TwinState state = state(size[0], size[1], days);
                long t1 = System.nanoTime();
                List<Perturbation> changes = List.of(Perturbation.supplierDelay("SUP7", 7),
                        Perturbation.surgeInBlock("D0B1", 15), Perturbation.flood("D0", 3, 2));
                Projection p = new ScenarioEngine(settings).run(state, changes, runs, 42, done -> {
                });
                long t2 = System.nanoTime();
                System.out.printf(
                        "%,d schools (%,d stores): build %.2f s, %d runs × 2 (baseline, scenario) %.2f s; meals missed"
                                + " baseline %.0f [%.0f-%.0f], scenario %.0f [%.0f-%.0f]; heap used %d MB%n",
                        state.schools(), state.stores(), (t1 - t0) / 1e9, runs, (t2 - t1) / 1e9,
                        p.total().baseline().mean(), p.total().baseline().p10(), p.total().baseline().p90(),
                        p.total().scenario().mean(), p.total().scenario().p10(), p.total().scenario().p90(),
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            }
        }
    }

    static TwinState state(int schools, int districts, int days) {
        Random random = new Random(7);
        TwinState.Builder b = TwinState.builder(days, 100, 20, 5);
        int perDistrict = schools / districts;
        UUID kitchen = null;
        for (int i = 0; i < schools; i++) {
            int d = Math.min(districts - 1, i / perDistrict);
            String district = "D" + d;
            String block = district + "B" + (i % perDistrict) * 10 / perDistrict;
            String udise = String.format("%011d", 33_000_000_000L + i);
            String supplier = "SUP" + (i / 100) % 60;
            UUID cookedBy = null;
            if (i % 10 == 0) {
                if (i % 200 == 0) {
                    kitchen = UUID.nameUUIDFromBytes(("k" + i).getBytes());
                    b.kitchen(kitchen, district, block, supplier);
                    double meals = 20 * 150;
                    stock(b, TwinState.Builder.kitchenCode(kitchen), meals, 2 + random.nextInt(18));
                }
                cookedBy = kitchen;
            }
            b.school(udise, district, block, cookedBy, supplier);
            int meals = 40 + random.nextInt(260);
            for (int day = 0; day < Math.min(days, 14); day++) {
                double m = meals * (0.9 + 0.2 * random.nextDouble());
                b.forecast(udise, m, m * 0.8, m * 1.2);
            }
            if (cookedBy == null) {
                stock(b, udise, meals, 2 + random.nextInt(18));
            }
            b.risk(udise, random.nextInt(40));
        }
        return b.build();
    }

    static void stock(TwinState.Builder b, String site, double meals, int days) {
        b.stock(site, "RICE", meals * days * 0.100);
        b.stock(site, "PULSES", meals * days * 0.020);
        b.stock(site, "OIL", meals * days * 0.005);
    }

}
