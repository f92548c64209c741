package in.mdm.optimization.scenario;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The engine on tiny hand-made states whose answers are worked out by hand. Norms 100 g
 * grain, 20 g pulses, 5 g oil per meal; deliveries every 10 school days (from a phase
 * drawn per run, 0-9) up to 14 days of cover; no random delays and no risk unless said.
 */
class ScenarioEngineTests {

    static final ScenarioSettings EXACT = ScenarioSettings.defaults().withoutDelaysNorRisk();

    static final UUID KITCHEN = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    /**
     * A school's stock of {@code days} days at {@code meals} a day, in each commodity.
     */
    static void stock(TwinState.Builder b, String site, int meals, double days) {
        b.stock(site, "RICE", meals * days * 0.100);
        b.stock(site, "PULSES", meals * days * 0.020);
        b.stock(site, "OIL", meals * days * 0.005);
    }

    /** The same meals every day, no spread. */
    static void steady(TwinState.Builder b, String udise, int meals, int days) {
        for (int d = 0; d < days; d++) {
            b.forecast(udise, meals, meals, meals);
        }
    }

    /**
     * Supplier S1 serves X (100 meals, 12 days of stock) and Y (40 meals, 10 days); S2
     * serves Z. Delayed by 20 days, S1's deliveries come after the 14 days: X runs out on
     * day 13 and misses days 13-14 (200 meals), Y on day 11 and misses 11-14 (160). Every
     * run, whatever its phase: without the delay each delivery comes by day 10, before
     * either runs out.
     */
    @Test
    void aSupplierDelayedPastItsSchoolsStockStarvesExactlyThoseSchoolsFromTheDayTheirStockRunsOut()
            throws InterruptedException {
        TwinState.Builder b = TwinState.builder(14, 100, 20, 5);
        b.school("X", "568", "6301", null, "S1");
        b.school("Y", "568", "6302", null, "S1");
        b.school("Z", "568", "6301", null, "S2");
        steady(b, "X", 100, 5); // beyond the forecasts: their mean
        steady(b, "Y", 40, 14);
        steady(b, "Z", 60, 14);
        stock(b, "X", 100, 12);
        stock(b, "Y", 40, 10);
        stock(b, "Z", 60, 14);

        Projection p = new ScenarioEngine(EXACT).run(b.build(), List.of(Perturbation.supplierDelay("S1", 20)), 50, 7,
                done -> {
                });

        assertThat(p.school("X").baseline().p90()).isZero();
        assertThat(p.school("Y").baseline().p90()).isZero();
        assertThat(p.school("X").scenario()).isEqualTo(new Projection.Interval(200, 200, 200));
        assertThat(p.school("Y").scenario()).isEqualTo(new Projection.Interval(160, 160, 160));
        assertThat(p.school("Y").difference().mean()).isEqualTo(160);
        assertThat(p.school("Z").difference()).isEqualTo(new Projection.Interval(0, 0, 0));
        assertThat(p.school("Z").baseline()).isEqualTo(p.school("Z").scenario());
        assertThat(p.dailyScenario()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 40, 140, 140);
        assertThat(p.total().difference().mean()).isEqualTo(360);
        assertThat(p.blocks()).extracting(r -> r.code() + "=" + r.difference().mean())
            .containsExactly("6301=200.0", "6302=160.0");
        assertThat(p.districts()).singleElement().satisfies(d -> assertThat(d.scenario().mean()).isEqualTo(360));
    }

    /**
     * A kitchen cooks for A (30 meals) and B (20); closed from day 3 for 4 days, both
     * miss exactly those 4 days (200 meals), with stock to spare; C, cooking for itself,
     * not.
     */
    @Test
    void aClosedKitchensSchoolsMissEveryDayOfTheClosure() throws InterruptedException {
        TwinState.Builder b = TwinState.builder(14, 100, 20, 5);
        b.kitchen(KITCHEN, "568", "6301", "S1");
        b.school("A", "568", "6301", KITCHEN, null);
        b.school("B", "568", "6301", KITCHEN, null);
        b.school("C", "568", "6301", null, "S1");
        steady(b, "A", 30, 14);
        steady(b, "B", 20, 14);
        steady(b, "C", 10, 14);
        stock(b, TwinState.Builder.kitchenCode(KITCHEN), 50, 30);
        stock(b, "A", 30, 0); // a school cooked for eats from the kitchen's stock, not
                              // its own
        stock(b, "C", 10, 30);

        Projection p = new ScenarioEngine(EXACT).run(b.build(), List.of(Perturbation.kitchenClosed(KITCHEN, 3, 4)), 20,
                1, done -> {
                });

        assertThat(p.school("A").scenario().mean()).isEqualTo(120);
        assertThat(p.school("B").scenario().mean()).isEqualTo(80);
        assertThat(p.school("A").baseline().mean()).isZero();
        assertThat(p.school("C").scenario().mean()).isZero();
        assertThat(p.dailyScenario()).containsExactly(0, 0, 50, 50, 50, 50, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * F holds 5 days of stock: without a flood it misses meals in the runs whose delivery
     * comes after day 6. Flooded on days 1-5, it asks for nothing, and the deliveries due
     * then come on day 6, the first dry day: it misses no meal in any run. G, in another
     * district, is not touched.
     */
    @Test
    void aFloodClosesSchoolsWithoutMissedMealsAndDeliveriesResumeAfterIt() throws InterruptedException {
        TwinState.Builder b = TwinState.builder(14, 100, 20, 5);
        b.school("F", "568", "6301", null, "S1");
        b.school("G", "569", "6401", null, "S1");
        steady(b, "F", 50, 14);
        steady(b, "G", 50, 14);
        stock(b, "F", 50, 5);
        stock(b, "G", 50, 5);

        Projection p = new ScenarioEngine(EXACT).run(b.build(), List.of(Perturbation.flood("568", 1, 5)), 200, 3,
                done -> {
                });

        assertThat(p.school("F").baseline().mean()).as("late deliveries without the flood").isPositive();
        assertThat(p.school("F").scenario()).isEqualTo(new Projection.Interval(0, 0, 0));
        assertThat(p.school("G").scenario()).isEqualTo(p.school("G").baseline());
        assertThat(p.school("G").baseline().mean()).isPositive();

        Projection longer = new ScenarioEngine(EXACT).run(b.build(), List.of(Perturbation.flood("568", 1, 6)), 200, 3,
                done -> {
                });
        assertThat(longer.school("F").scenario().mean()).as("a delivery due on day 9 and after still comes").isZero();
    }

    /**
     * With noise (an 80 % interval of 70-130 meals), tight stock and random delays: the
     * same seed gives the same projection, on any number of threads; another seed
     * another.
     */
    @Test
    void theSameSeedGivesTheSameProjectionAndAnotherSeedAnother() throws InterruptedException {
        TwinState.Builder b = TwinState.builder(20, 100, 20, 5);
        for (int s = 0; s < 40; s++) {
            String udise = "S" + s;
            b.school(udise, "568", s < 20 ? "6301" : "6302", null, s % 2 == 0 ? "S1" : "S2");
            for (int d = 0; d < 10; d++) {
                b.forecast(udise, 100, 70, 130);
            }
            b.risk(udise, 10);
            stock(b, udise, 100, 4 + s % 5);
        }
        TwinState state = b.build();
        List<Perturbation> changes = List.of(Perturbation.supplierDelay("S1", 3), Perturbation.surgeInBlock("6302", 20),
                Perturbation.releaseCut("568", 10));
        ScenarioSettings one = settings(1);
        ScenarioSettings four = settings(4);

        Projection first = new ScenarioEngine(one).run(state, changes, 300, 42, done -> {
        });
        Projection again = new ScenarioEngine(four).run(state, changes, 300, 42, done -> {
        });
        Projection other = new ScenarioEngine(one).run(state, changes, 300, 43, done -> {
        });

        assertThat(again).usingRecursiveComparison().isEqualTo(first);
        assertThat(other.total()).isNotEqualTo(first.total());
        assertThat(first.total().baseline().p10()).isLessThan(first.total().baseline().p90());
        assertThat(first.total().difference().mean()).isPositive();
    }

    /**
     * Demand is drawn so that its 80 % interval is the forecast's: a school with an
     * interval of 70-130 meals whose kitchen is closed misses 70-130 meals on 80 % of the
     * runs.
     */
    @Test
    void drawnDemandMatchesTheForecastsEightyPercentInterval() throws InterruptedException {
        TwinState.Builder b = TwinState.builder(1, 100, 20, 5);
        b.kitchen(KITCHEN, "568", "6301", "S1");
        b.school("N", "568", "6301", KITCHEN, null);
        b.forecast("N", 100, 70, 130);

        Projection p = new ScenarioEngine(settings(2)).run(b.build(),
                List.of(Perturbation.kitchenClosed(KITCHEN, 1, 1)), 2000, 5, done -> {
                });

        assertThat(p.school("N").baseline().mean()).isZero();
        assertThat(p.school("N").scenario().mean()).isCloseTo(100, within(1.5));
        assertThat(p.school("N").scenario().p10()).isCloseTo(70, within(2.5));
        assertThat(p.school("N").scenario().p90()).isCloseTo(130, within(2.5));
    }

    @Test
    void anAttendanceSurgeOverTheStockMakesMealsMissedAndProgressIsReported() throws InterruptedException {
        TwinState.Builder b = TwinState.builder(14, 100, 20, 5);
        b.school("P", "568", "6301", null, "S1");
        steady(b, "P", 100, 14);
        stock(b, "P", 100, 16);
        b.stock("P", "OIL", -1); // a count below zero is none at all: 16 days of oil + 0
        int[] last = { -1 };

        Projection p = new ScenarioEngine(EXACT).run(b.build(), List.of(Perturbation.surgeInDistrict("568", 50)), 10, 9,
                done -> last[0] = done);

        // 16 days at 100 meals, topped up to 14 days on the delivery: always enough. At
        // 150
        // meals a day, a run whose delivery comes on day 2-5 (topped up to 140 kg, 9.3
        // days)
        // or day 2 (145 kg left) runs out the day before the next one: 150 meals missed
        assertThat(p.school("P").baseline().p90()).isZero();
        assertThat(p.school("P").scenario().p90()).isEqualTo(150);
        assertThat(p.school("P").scenario().p10()).isZero();
        assertThat(last[0]).isEqualTo(10);
    }

    private static ScenarioSettings settings(int threads) {
        ScenarioSettings d = ScenarioSettings.defaults();
        return new ScenarioSettings(d.grainGrams(), d.pulsesGrams(), d.oilGrams(), d.cycleDays(), d.coverDays(),
                d.delayWeights(), d.riskWeight(), d.releaseCutShare(), threads, 1, d.staleAfter(), d.maxCells(),
                d.topSchools());
    }

}
