package in.mdm.optimization.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The optimizer on small networks solved by hand, on the equator (1° of longitude =
 * 111.195 km), and against ojAlgo's LP of the same model.
 */
class TransferPlannerTests {

    static final double KM_PER_DEGREE = TransferPlanner.haversineKm(0, 0, 0, 1);

    /** ₹1 per kg-km, nothing else: the cost is kg × km. */
    static TransferPlanner.Settings plain() {
        return new TransferPlanner.Settings(50, false, 10_000_000, 8, 1, 0, 0);
    }

    static TransferPlanner.Site surplus(String code, double km, long kg) {
        return new TransferPlanner.Site(code, "568", 0, km / KM_PER_DEGREE, kg * 1000, 0, 0);
    }

    static TransferPlanner.Site deficit(String code, double km, long kg, double risk) {
        return new TransferPlanner.Site(code, "568", 0, km / KM_PER_DEGREE, 0, kg * 1000, risk);
    }

    @Test
    void theNearerSurplusIsEmptiedFirstAndTheRestComesFromFartherAway() {
        // C short of 150 kg; A (10 km away) spares 100 kg, B (20 km) 200 kg: 100 from A,
        // 50 from B, 100·10 + 50·20 = ₹2,000
        List<TransferPlanner.Site> sites = List.of(deficit("C", 0, 150, 0), surplus("A", 10, 100),
                surplus("B", -20, 200));

        TransferPlanner.Plan plan = new TransferPlanner(plain()).plan(sites);

        assertThat(plan.deliveredGrams()).isEqualTo(150_000);
        assertThat(plan.cost()).isCloseTo(2_000, within(1e-6));
        assertThat(plan.moves()).extracting(m -> sites.get(m.fromSite()).code() + ">" + m.grams())
            .containsExactlyInAnyOrder("A>100000", "B>50000");
        assertLpAgrees(sites, plain());
    }

    @Test
    void coveringComesBeforeCostAndTheMostIsDelivered() {
        // A is near C1 (1 km) and far from C2 (40 km); B reaches only C1 (45 km, C2 is
        // 85 km away). Cheapest would be A→C1 alone; the most covered is A→C2 and B→C1
        List<TransferPlanner.Site> sites = List.of(deficit("C1", 0, 100, 0), deficit("C2", 41, 100, 0),
                surplus("A", 1, 100), surplus("B", -44, 100));

        TransferPlanner.Plan plan = new TransferPlanner(plain()).plan(sites);

        assertThat(plan.deliveredGrams()).isEqualTo(200_000);
        assertThat(plan.moves()).extracting(m -> sites.get(m.fromSite()).code() + ">" + sites.get(m.toSite()).code())
            .containsExactlyInAnyOrder("A>C2", "B>C1");
        assertThat(plan.cost()).isCloseTo(100 * 40 + 100 * 44, within(1e-6));
        assertLpAgrees(sites, plain());
    }

    @Test
    void theSchoolMoreAtRiskIsCoveredFirst() {
        // 100 kg for two schools short of 100 kg each, equally far: all of it to the
        // school of risk 0.9; cost 100 kg × 10 km + 100 kg × ₹100 × (1 − 0.9)
        TransferPlanner.Settings settings = new TransferPlanner.Settings(50, false, 10_000_000, 8, 1, 0, 100);
        List<TransferPlanner.Site> sites = List.of(deficit("LOW", -10, 100, 0.1), deficit("HIGH", 10, 100, 0.9),
                surplus("A", 0, 100));

        TransferPlanner.Plan plan = new TransferPlanner(settings).plan(sites);

        assertThat(plan.moves()).singleElement().satisfies(m -> {
            assertThat(sites.get(m.toSite()).code()).isEqualTo("HIGH");
            assertThat(m.grams()).isEqualTo(100_000);
        });
        assertThat(plan.cost()).isCloseTo(100 * 10 + 100 * 100 * 0.1, within(1e-6));
        assertLpAgrees(sites, settings);
    }

    @Test
    void noTransferIsFartherThanTheMaximumDistance() {
        List<TransferPlanner.Site> sites = List.of(deficit("C", 0, 100, 0), surplus("NEAR", 49, 30),
                surplus("FAR", -51, 500));

        TransferPlanner.Plan plan = new TransferPlanner(plain()).plan(sites);

        assertThat(plan.deliveredGrams()).isEqualTo(30_000);
        assertThat(plan.moves()).allSatisfy(m -> assertThat(m.km()).isLessThanOrEqualTo(50));
    }

    @Test
    void districtsAreKeptApartUnlessCrossingIsAllowed() {
        List<TransferPlanner.Site> sites = List.of(deficit("C", 0, 100, 0),
                new TransferPlanner.Site("OTHER", "569", 0, 5 / KM_PER_DEGREE, 100_000, 0, 0));

        assertThat(new TransferPlanner(plain()).plan(sites).moves()).isEmpty();
        TransferPlanner.Settings across = new TransferPlanner.Settings(50, true, 10_000_000, 8, 1, 0, 0);
        assertThat(new TransferPlanner(across).plan(sites).deliveredGrams()).isEqualTo(100_000);
    }

    @Test
    void noTransferCarriesMoreThanOneVehicleLoad() {
        TransferPlanner.Settings vehicle = new TransferPlanner.Settings(50, false, 40_000, 8, 1, 0, 0);
        List<TransferPlanner.Site> sites = List.of(deficit("C", 0, 100, 0), surplus("A", 5, 100),
                surplus("B", 10, 100));

        TransferPlanner.Plan plan = new TransferPlanner(vehicle).plan(sites);

        assertThat(plan.deliveredGrams()).isEqualTo(80_000);
        assertThat(plan.moves()).allSatisfy(m -> assertThat(m.grams()).isLessThanOrEqualTo(40_000));
        assertLpAgrees(sites, vehicle);
    }

    @Test
    void onlyTheNearestSurplusSitesAreOffered() {
        TransferPlanner.Settings two = new TransferPlanner.Settings(50, false, 10_000_000, 2, 1, 0, 0);
        List<TransferPlanner.Site> sites = List.of(deficit("C", 0, 300, 0), surplus("A", 1, 100), surplus("B", 2, 100),
                surplus("D", 3, 100));

        TransferPlanner.Plan plan = new TransferPlanner(two).plan(sites);

        assertThat(plan.deliveredGrams()).isEqualTo(200_000);
        assertThat(plan.moves()).extracting(m -> sites.get(m.fromSite()).code()).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void aSendingSchoolKeepsItsNeedAndItsSafetyStock() {
        // 700 meals over 7 days at 100 g: 70 kg needed, 3 days' safety stock 30 kg
        assertThat(TransferNeeds.of(100, 700, 7, 100, 3)).containsExactly(0, 0);
        assertThat(TransferNeeds.of(150, 700, 7, 100, 3)).containsExactly(50_000, 0);
        assertThat(TransferNeeds.of(20, 700, 7, 100, 3)).containsExactly(0, 50_000);
        assertThat(TransferNeeds.of(80, 700, 7, 100, 3)).as("between need and need + safety: neither")
            .containsExactly(0, 0);

        List<TransferPlanner.Site> sites = List.of(site("C", 0, TransferNeeds.of(20, 700, 7, 100, 3)),
                site("A", 5, TransferNeeds.of(150, 700, 7, 100, 3)));
        TransferPlanner.Plan plan = new TransferPlanner(plain()).plan(sites);
        assertThat(plan.deliveredGrams()).as("A sends only what it has beyond 100 kg").isEqualTo(50_000);
    }

    @Test
    void nothingToPlanIsAnEmptyPlan() {
        assertThat(new TransferPlanner(plain()).plan(List.of()).moves()).isEmpty();
        TransferPlanner.Plan shortOnly = new TransferPlanner(plain())
            .plan(List.of(deficit("C", 0, 100, 0), deficit("D", 1, 100, 0)));
        assertThat(shortOnly.moves()).isEmpty();
        assertThat(shortOnly.demandGrams()).isEqualTo(200_000);
        assertThat(shortOnly.deliveredGrams()).isZero();
        assertThat(new TransferPlanner(plain()).plan(List.of(surplus("A", 0, 100))).moves()).isEmpty();
    }

    @Test
    void randomNetworksHaveTheLpsOptimum() {
        Random random = new Random(7);
        TransferPlanner.Settings settings = new TransferPlanner.Settings(30, false, 300_000, 5, 0.02, 0.5, 100);
        for (int round = 0; round < 100; round++) {
            List<TransferPlanner.Site> sites = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                boolean short_ = random.nextBoolean();
                long grams = 1000L * (1 + random.nextInt(500)) + random.nextInt(1000);
                sites.add(new TransferPlanner.Site("S" + i, random.nextInt(3) == 0 ? "569" : "568",
                        random.nextDouble() * 0.5, random.nextDouble() * 0.5, short_ ? 0 : grams, short_ ? grams : 0,
                        random.nextDouble()));
            }
            assertLpAgrees(sites, settings);
        }
    }

    private static TransferPlanner.Site site(String code, double km, long[] need) {
        return new TransferPlanner.Site(code, "568", 0, km / KM_PER_DEGREE, need[0], need[1], 0);
    }

    private static void assertLpAgrees(List<TransferPlanner.Site> sites, TransferPlanner.Settings settings) {
        TransferPlanner planner = new TransferPlanner(settings);
        for (TransferPlanner.Network network : planner.networks(sites)) {
            TransferPlanner.Result flow = TransferPlanner.solve(network);
            TransferLp.Optimum lp = TransferLp.solve(network);
            assertThat((double) flow.deliveredGrams()).isCloseTo(lp.deliveredGrams(), within(0.5));
            assertThat(flow.cost()).isCloseTo(lp.cost(), within(1e-6 * Math.max(1, Math.abs(lp.cost()))));
            // every capacity held
            long[] sent = new long[sites.size()];
            long[] received = new long[sites.size()];
            for (TransferPlanner.Move m : flow.moves()) {
                sent[m.fromSite()] += m.grams();
                received[m.toSite()] += m.grams();
                assertThat(m.grams()).isLessThanOrEqualTo(settings.vehicleGrams());
                assertThat(m.km()).isLessThanOrEqualTo(settings.maxDistanceKm());
                assertThat(sites.get(m.fromSite()).districtCode()).isEqualTo(sites.get(m.toSite()).districtCode());
            }
            for (int i = 0; i < sites.size(); i++) {
                assertThat(sent[i]).isLessThanOrEqualTo(sites.get(i).surplusGrams());
                assertThat(received[i]).isLessThanOrEqualTo(sites.get(i).deficitGrams());
            }
        }
    }

}
