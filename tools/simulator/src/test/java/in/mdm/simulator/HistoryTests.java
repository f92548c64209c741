package in.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class HistoryTests {

    private static final BigDecimal[][] NORMS_KG = { { new BigDecimal("0.100"), new BigDecimal("0.150") },
            { new BigDecimal("0.020"), new BigDecimal("0.030") },
            { new BigDecimal("0.005"), new BigDecimal("0.0075") } };

    private static final String[] COMMODITIES = { "grain", "pulses", "oil" };

    @Test
    void historyCoversTheLastSchoolDaysOnly() {
        List<CSVRecord> reports = Generated.read(Generated.tamilNadu().resolve("daily-reports.csv"));
        Set<LocalDate> dates = new HashSet<>();
        reports.forEach(report -> dates.add(LocalDate.parse(report.get("date"))));

        assertThat(dates).hasSize(20).allSatisfy(date -> {
            assertThat(date.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
            assertThat(date).isBeforeOrEqualTo(LocalDate.of(2026, 11, 20));
        });
        assertThat(dates).contains(LocalDate.of(2026, 11, 20)).doesNotContain(LocalDate.of(2026, 11, 9));
    }

    @Test
    void kitchensConsumeByTheNormsForTheMealsTheirSchoolsServed() {
        Path dir = Generated.tamilNadu();
        Map<String, String> kitchenOf = new HashMap<>();
        Generated.read(dir.resolve("kitchen-schools.csv"))
            .forEach(row -> kitchenOf.put(row.get("udise_code"), row.get("kitchen_code")));
        Map<String, BigDecimal[]> expected = new HashMap<>();
        for (CSVRecord report : Generated.read(dir.resolve("daily-reports.csv"))) {
            int primary = Integer.parseInt(report.get("attendance_primary"));
            int upper = Integer.parseInt(report.get("attendance_upper_primary"));
            int meals = Integer.parseInt(report.get("meals_served"));
            assertThat(meals).isIn(0, primary + upper);
            if (meals > 0) {
                assertThat(report.get("no_meal_reason")).isEmpty();
            }
            else if (primary + upper > 0) {
                assertThat(report.get("no_meal_reason")).isIn("NO_STOCK", "NO_FUNDS", "NO_COOK", "OTHER");
            }
            BigDecimal[] sums = expected.computeIfAbsent(
                    kitchenOf.get(report.get("udise_code")) + "|" + report.get("date"),
                    key -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
            if (meals > 0) {
                for (int c = 0; c < 3; c++) {
                    sums[c] = sums[c].add(NORMS_KG[c][0].multiply(BigDecimal.valueOf(primary)))
                        .add(NORMS_KG[c][1].multiply(BigDecimal.valueOf(upper)));
                }
            }
        }
        List<CSVRecord> stock = Generated.read(dir.resolve("stock.csv"));
        Map<String, BigDecimal[]> lastClosing = new HashMap<>();
        for (CSVRecord row : stock) {
            BigDecimal[] sums = expected.get(row.get("kitchen_code") + "|" + row.get("date"));
            assertThat(sums).as(row.get("kitchen_code")).isNotNull();
            BigDecimal[] closing = new BigDecimal[3];
            for (int c = 0; c < 3; c++) {
                String commodity = COMMODITIES[c];
                BigDecimal opening = new BigDecimal(row.get(commodity + "_opening_kg"));
                BigDecimal received = new BigDecimal(row.get(commodity + "_received_kg"));
                BigDecimal consumed = new BigDecimal(row.get(commodity + "_consumed_kg"));
                closing[c] = new BigDecimal(row.get(commodity + "_closing_kg"));
                // the norms of the meals served, or less when the kitchen cooked what it
                // had
                assertThat(consumed).as(commodity + " of " + row.get("kitchen_code") + " on " + row.get("date"))
                    .isLessThanOrEqualTo(sums[c])
                    .isGreaterThanOrEqualTo(BigDecimal.ZERO);
                BigDecimal writtenOff = new BigDecimal(row.get(commodity + "_written_off_kg"));
                assertThat(writtenOff.signum()).isGreaterThanOrEqualTo(0);
                assertThat(closing[c])
                    .isEqualByComparingTo(opening.add(received).subtract(consumed).subtract(writtenOff));
                assertThat(closing[c].signum()).isGreaterThanOrEqualTo(0);
                BigDecimal[] previous = lastClosing.get(row.get("kitchen_code"));
                if (previous != null) {
                    assertThat(opening).isEqualByComparingTo(previous[c]);
                }
            }
            lastClosing.put(row.get("kitchen_code"), closing);
        }
        assertThat(stock).hasSize(expected.size());
    }

    @Test
    void truthProbabilitiesAreProbabilitiesAndIncidentsFollowThem() {
        Path dir = Generated.tamilNadu();
        List<CSVRecord> truth = Generated.read(dir.resolve("truth.csv"));
        List<CSVRecord> reports = Generated.read(dir.resolve("daily-reports.csv"));
        assertThat(truth).hasSameSizeAs(reports);

        List<double[]> latent = new ArrayList<>();
        double riskSum = 0;
        long incidents = 0;
        for (int i = 0; i < truth.size(); i++) {
            CSVRecord row = truth.get(i);
            CSVRecord report = reports.get(i);
            assertThat(row.get("udise_code")).isEqualTo(report.get("udise_code"));
            double p = Double.parseDouble(row.get("risk_probability"));
            assertThat(p).isBetween(0.0, 1.0);
            boolean incident = row.get("incident").equals("1");
            assertThat(incident).isEqualTo(!report.get("no_meal_reason").isEmpty());
            if (row.get("stock_out").equals("1")) {
                assertThat(p).isEqualTo(1.0);
                assertThat(report.get("no_meal_reason")).isEqualTo("NO_STOCK");
                continue;
            }
            latent.add(new double[] { p, incident ? 1 : 0 });
            riskSum += p;
            incidents += incident ? 1 : 0;
        }
        // calibrated: as many incidents as the probabilities promise (a few standard
        // errors)
        assertThat((double) incidents).isBetween(riskSum - 4 * Math.sqrt(riskSum), riskSum + 4 * Math.sqrt(riskSum));

        latent.sort(Comparator.comparingDouble(pair -> pair[0]));
        int decile = latent.size() / 10;
        double bottom = latent.subList(0, decile).stream().mapToDouble(pair -> pair[1]).average().orElseThrow();
        double top = latent.subList(latent.size() - decile, latent.size())
            .stream()
            .mapToDouble(pair -> pair[1])
            .average()
            .orElseThrow();
        assertThat(top).isGreaterThan(5 * bottom).isGreaterThan(0.02);
    }

    @Test
    void aFewPercentOfSchoolDaysGoWithoutAMealSomeForWantOfStock() {
        List<CSVRecord> reports = Generated.read(Generated.tamilNadu().resolve("daily-reports.csv"));
        long none = reports.stream().filter(r -> !r.get("no_meal_reason").isEmpty()).count();
        long noStock = reports.stream().filter(r -> r.get("no_meal_reason").equals("NO_STOCK")).count();
        assertThat((double) none / reports.size()).isBetween(0.005, 0.05);
        // kitchens that under-order or wait for a late supplier run out
        assertThat(noStock).isPositive().isLessThan(none);
    }

    @Test
    void deliveriesComeFromTheKitchensSupplierAndSomeAreLate() {
        Path dir = Generated.tamilNadu();
        Map<String, String> supplierOf = new HashMap<>();
        Generated.read(dir.resolve("kitchens.csv"))
            .forEach(row -> supplierOf.put(row.get("kitchen_code"), row.get("supplier_code")));
        List<CSVRecord> deliveries = Generated.read(dir.resolve("deliveries.csv"));
        Set<String> ids = new HashSet<>();
        long late = 0;
        for (CSVRecord delivery : deliveries) {
            assertThat(ids.add(delivery.get("delivery_id"))).isTrue();
            assertThat(delivery.get("supplier_code")).isEqualTo(supplierOf.get(delivery.get("kitchen_code")));
            assertThat(delivery.get("commodity")).isIn("RICE", "PULSES", "OIL");
            assertThat(Long.parseLong(delivery.get("quantity_kg"))).isPositive();
            if (delivery.get("status").equals("DELIVERED")) {
                assertThat(LocalDate.parse(delivery.get("delivered_date")))
                    .isAfterOrEqualTo(LocalDate.parse(delivery.get("expected_date")));
                late += Integer.parseInt(delivery.get("days_late")) > 0 ? 1 : 0;
            }
            else {
                assertThat(delivery.get("delivered_date")).isEmpty();
            }
        }
        assertThat(deliveries.size()).isGreaterThan(10_000);
        assertThat(late).isBetween(deliveries.size() / 20L, deliveries.size() / 2L);
    }

    @Test
    void reportIdsAreDerivedFromSchoolAndDate() {
        assertThat(History.reportId("33010101005", LocalDate.of(2026, 11, 20)))
            .isEqualTo(History.reportId("33010101005", LocalDate.of(2026, 11, 20)))
            .isNotEqualTo(History.reportId("33010101005", LocalDate.of(2026, 11, 19)))
            .isNotEqualTo(History.reportId("33010101008", LocalDate.of(2026, 11, 20)));
    }

}
