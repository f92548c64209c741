package in.mdm.ml.feature;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure feature computation: histories in any order, features, labels. */
class FeatureComputationTests {

    static final LocalDate DAY = LocalDate.parse("2026-11-20");

    record Report(int day, int present, byte reason, int madeAt) {
    }

    @Test
    void reportsAppliedInAnyOrderOrAgainLeaveTheSameHistory() {
        List<Report> reports = new ArrayList<>();
        int t = (int) DAY.toEpochDay();
        for (int k = 0; k < 120; k++) {
            reports.add(new Report(t - k, 50 + k % 7, k % 11 == 0 ? MealHistory.NO_STOCK : MealHistory.SERVED,
                    (t - k) * 1440 + 600));
        }
        // a correction of one day, made later than the first report
        reports.add(new Report(t - 3, 40, MealHistory.NO_COOK, (t - 3) * 1440 + 900));
        MealHistory inOrder = new MealHistory();
        reports.forEach(r -> inOrder.record(r.day(), r.present(), r.reason(), r.madeAt()));

        List<Report> shuffled = new ArrayList<>(reports);
        shuffled.addAll(reports.subList(0, 30)); // redelivered
        Collections.shuffle(shuffled, new Random(7));
        MealHistory anyOrder = new MealHistory();
        shuffled.forEach(r -> anyOrder.record(r.day(), r.present(), r.reason(), r.madeAt()));

        assertThat(anyOrder.toBytes()).isEqualTo(inOrder.toBytes());
        assertThat(inOrder.attendance(t - 3)).isEqualTo(40);
        assertThat(inOrder.reason(t - 3)).isEqualTo(MealHistory.NO_COOK);
        assertThat(inOrder.reported(t - MealHistory.DAYS)).as("older than the window").isFalse();
        assertThat(MealHistory.fromBytes(inOrder.toBytes()).toBytes()).isEqualTo(inOrder.toBytes());
    }

    @Test
    void featuresSayWhatTheStoreKnows() {
        int t = (int) DAY.toEpochDay();
        MealHistory meals = new MealHistory();
        SchoolCalendar calendar = SchoolCalendar.standard();
        int reported = 0;
        for (int k = 0; k < 95; k++) {
            LocalDate d = DAY.minusDays(k);
            byte reason = k == 1 ? MealHistory.NO_STOCK
                    : k == 40 ? MealHistory.NO_FUNDS : k == 2 ? MealHistory.OTHER : MealHistory.SERVED;
            meals.record((int) d.toEpochDay(), k == 0 ? 40 : 80, reason, 0);
            reported++;
        }
        SchoolInputs in = new SchoolInputs(meals, 100, 80, true, 33, 3.5, t - 1, t - 1, new int[] { t - 2, t - 50 },
                new int[] { 4, 2 }, 3, t - 20, 85.5, 0.02, t - 10, 9);
        float[] f = Features.compute(in, new Features.AsOf(DAY, calendar, 3));

        assertThat(f).hasSize(Feature.COUNT);
        assertThat(Feature.COUNT).isGreaterThanOrEqualTo(15);
        assertThat(f[Feature.ENROLLMENT.ordinal()]).isEqualTo(100);
        assertThat(f[Feature.ENROLLMENT_CHANGE.ordinal()]).isEqualTo(0.25f);
        assertThat(f[Feature.STOCK_DAYS_LEFT.ordinal()]).as("3.5 days reported a school day ago").isEqualTo(2.5f);
        assertThat(f[Feature.NO_MEAL_DAYS_30D.ordinal()]).isEqualTo(2);
        assertThat(f[Feature.SHORTAGE_DAYS_30D.ordinal()]).isEqualTo(1);
        assertThat(f[Feature.SHORTAGE_DAYS_90D.ordinal()]).isEqualTo(2);
        assertThat(f[Feature.NO_MEAL_LAST_5D.ordinal()]).isEqualTo(2);
        assertThat(f[Feature.DELIVERY_DELAYS_30D.ordinal()]).as("the one 50 days ago is too old").isEqualTo(1);
        assertThat(f[Feature.DELIVERY_DAYS_LATE_30D.ordinal()]).isEqualTo(4);
        assertThat(f[Feature.SUPPLIER_DELAYS_10D.ordinal()]).isEqualTo(3);
        assertThat(f[Feature.DAYS_SINCE_FUND_RELEASE.ordinal()]).isEqualTo(20);
        assertThat(f[Feature.BUDGET_UTILIZED_PERCENT.ordinal()]).isEqualTo(85.5f);
        assertThat(f[Feature.INSPECTION_OVERDUE_DAYS.ordinal()]).isEqualTo(10);
        assertThat(f[Feature.KITCHEN_SCHOOLS.ordinal()]).isEqualTo(9);
        assertThat(f[Feature.ATTENDANCE_LAST_DAY.ordinal()]).isLessThan(0.6f);
        assertThat(f[Feature.REPORTING_REGULARITY_30D.ordinal()]).isEqualTo(1f);
        assertThat(f[Feature.MONTH.ordinal()]).isEqualTo(11);
        assertThat(f[Feature.MONSOON.ordinal()]).as("north-east monsoon in Tamil Nadu").isEqualTo(1);
        assertThat(reported).isGreaterThan(60);
    }

    @Test
    void theLabelIsAShortageInTheNextSchoolDaysAndUnknownUntilTheyAreReported() {
        MealHistory meals = new MealHistory();
        int t = 20_000;
        for (int k = 0; k <= 5; k++) {
            meals.record(t + k, 50, k == 4 ? MealHistory.NO_COOK : k == 2 ? MealHistory.OTHER : MealHistory.SERVED, 0);
        }
        assertThat(Features.shortageAhead(meals, t, 3)).as("OTHER is no shortage").isFalse();
        assertThat(Features.shortageAhead(meals, t + 1, 3)).isTrue();
        assertThat(Features.shortageAhead(meals, t + 3, 3)).as("known as soon as the shortage is reported").isTrue();
        assertThat(Features.shortageAhead(meals, t + 4, 3)).as("one day reported after it, no shortage").isNull();
    }

    @Test
    void everyFeatureSaysItsValueInWords() {
        assertThat(Feature.STOCK_DAYS_LEFT.describe(1.5)).isEqualTo("stock lasts 1.5 days");
        assertThat(Feature.DELIVERY_DAYS_LATE_30D.describe(4))
            .isEqualTo("deliveries 4 days late on average this month");
        for (Feature feature : Feature.values()) {
            assertThat(feature.describe(1)).isNotBlank();
            assertThat(feature.describe(0)).isNotBlank();
        }
    }

}
