package in.mdm.ml.feature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import in.mdm.events.school.DailyMealReported;

/**
 * The per-school feature store: records meal reports into each school's compact history
 * (any order, any number of times: the same state), and gathers everything known of a
 * batch of schools into their {@link SchoolInputs}, reading one row per school and a few
 * set-based lookups.
 */
@Service
public class FeatureStore {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final FeatureRepository repository;

    private final Clock clock;

    FeatureStore(FeatureRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** A school as the store knows it, ready for its features. */
    public record School(String udiseCode, String districtCode, String blockCode, LocalDate asOf, SchoolInputs inputs) {
    }

    /**
     * Records a poll's meal reports (call inside the consuming transaction); returns the
     * schools they touched.
     */
    public Set<String> recordMeals(List<DailyMealReported> reports) {
        Set<String> codes = new HashSet<>();
        reports.forEach(r -> codes.add(r.udiseCode()));
        Map<String, FeatureRepository.SchoolRow> rows = repository.schools(codes, true);
        Map<String, MealHistory> histories = new HashMap<>();
        Map<String, FeatureRepository.DistrictDelta> deltas = new LinkedHashMap<>();
        for (DailyMealReported report : reports) {
            FeatureRepository.SchoolRow row = rows.get(report.udiseCode());
            MealHistory history = histories.computeIfAbsent(report.udiseCode(),
                    u -> MealHistory.fromBytes(row == null ? null : row.meals()));
            int day = (int) report.date().toEpochDay();
            boolean before = history.reported(day);
            byte oldReason = history.reason(day);
            history.record(day, report.attendancePrimary() + report.attendanceUpperPrimary(),
                    MealHistory.reasonCode(report.noMealReason()), (int) (report.occurredAt().getEpochSecond() / 60));
            String district = row == null ? null : row.districtCode();
            if (district != null && history.reported(day)) {
                int reportsDelta = before ? 0 : 1;
                int noFundsDelta = (history.reason(day) == MealHistory.NO_FUNDS ? 1 : 0)
                        - (before && oldReason == MealHistory.NO_FUNDS ? 1 : 0);
                if (reportsDelta != 0 || noFundsDelta != 0) {
                    deltas.merge(district + "|" + report.date(),
                            new FeatureRepository.DistrictDelta(district, report.date(), reportsDelta, noFundsDelta),
                            (a, b) -> new FeatureRepository.DistrictDelta(a.districtCode(), a.day(),
                                    a.reports() + b.reports(), a.noFunds() + b.noFunds()));
                }
            }
        }
        List<FeatureRepository.SchoolRow> changed = new ArrayList<>(histories.size());
        histories.forEach((udise, history) -> changed.add(new FeatureRepository.SchoolRow(udise, null, null, true, 0,
                null, history.toBytes(), LocalDate.ofEpochDay(history.lastDay()), null)));
        changed.sort((a, b) -> a.udiseCode().compareTo(b.udiseCode()));
        repository.saveMeals(changed);
        repository.countDistrictDays(deltas.values());
        return codes;
    }

    /**
     * Everything known of these schools, each as of its last reported day (today when it
     * has none); schools the store has never heard of are left out.
     */
    public Map<String, School> schools(Collection<String> udiseCodes) {
        Map<String, School> result = new LinkedHashMap<>();
        if (udiseCodes.isEmpty()) {
            return result;
        }
        Map<String, FeatureRepository.SchoolRow> rows = repository.schools(udiseCodes, false);
        if (rows.isEmpty()) {
            return result;
        }
        LocalDate today = LocalDate.now(clock.withZone(INDIA));
        Map<String, UUID> kitchens = repository.kitchens(rows.keySet());
        Map<UUID, Integer> kitchenSizes = repository.kitchenSizes(new HashSet<>(kitchens.values()));
        Set<String> sites = new HashSet<>(rows.keySet());
        kitchens.values().forEach(k -> sites.add(k.toString()));
        Map<String, List<FeatureRepository.Stock>> stock = repository.stock(sites);
        Instant now = clock.instant();
        List<FeatureRepository.Delay> delays = repository.delays(sites, now.minus(Duration.ofDays(120)));
        Map<String, List<FeatureRepository.Delay>> delaysBySite = new HashMap<>();
        Set<String> suppliers = new HashSet<>();
        for (FeatureRepository.Delay delay : delays) {
            delaysBySite.computeIfAbsent(delay.site(), s -> new ArrayList<>()).add(delay);
            if (delay.supplierCode() != null) {
                suppliers.add(delay.supplierCode());
            }
        }
        Map<String, FeatureRepository.Funds> funds = repository.funds();
        Set<String> districts = new HashSet<>();
        LocalDate latest = null;
        for (FeatureRepository.SchoolRow row : rows.values()) {
            if (row.districtCode() != null) {
                districts.add(row.districtCode());
            }
            if (row.lastReportOn() != null && (latest == null || row.lastReportOn().isAfter(latest))) {
                latest = row.lastReportOn();
            }
        }
        LocalDate shareDay = latest == null ? today : latest;
        Map<String, Double> shares = repository.noFundsShare(districts, shareDay);
        Instant supplierUntil = shareDay.plusDays(1).atStartOfDay(INDIA).toInstant();
        Map<String, Integer> supplierDelays = repository.supplierDelays(suppliers,
                supplierUntil.minus(Duration.ofDays(10)), supplierUntil);

        for (String udise : udiseCodes) {
            FeatureRepository.SchoolRow row = rows.get(udise);
            if (row == null) {
                continue;
            }
            LocalDate asOf = row.lastReportOn() == null ? today : row.lastReportOn();
            UUID kitchen = kitchens.get(udise);
            List<String> own = kitchen == null ? List.of(udise) : List.of(udise, kitchen.toString());
            // the commodity, at the school or its kitchen, whose reported stock runs out
            // first
            List<FeatureRepository.Stock> reports = new ArrayList<>();
            for (String site : own) {
                reports.addAll(stock.getOrDefault(site, List.of()));
            }
            double[] reportedDays = new double[reports.size()];
            int[] reportedOn = new int[reports.size()];
            for (int i = 0; i < reports.size(); i++) {
                reportedDays[i] = reports.get(i).daysOfStock();
                reportedOn[i] = day(reports.get(i).observedAt());
            }
            int first = Features.firstToRunOut(reportedDays, reportedOn, (int) asOf.toEpochDay());
            double stockDays = first < 0 ? Double.NaN : reportedDays[first];
            int stockObserved = first < 0 ? SchoolInputs.NONE : reportedOn[first];
            List<Integer> delayDays = new ArrayList<>();
            List<Integer> delayLate = new ArrayList<>();
            Set<String> schoolSuppliers = new HashSet<>();
            for (String site : own) {
                for (FeatureRepository.Delay delay : delaysBySite.getOrDefault(site, List.of())) {
                    delayDays.add(day(delay.observedAt()));
                    delayLate.add(delay.daysLate());
                    if (delay.supplierCode() != null) {
                        schoolSuppliers.add(delay.supplierCode());
                    }
                }
            }
            int supplierCount = 0;
            for (String supplier : schoolSuppliers) {
                supplierCount += supplierDelays.getOrDefault(supplier, 0);
            }
            Instant released = null;
            java.math.BigDecimal utilized = null;
            for (String scope : List.of("SCHOOL:" + udise, "BLOCK:" + row.blockCode(),
                    "DISTRICT:" + row.districtCode())) {
                FeatureRepository.Funds f = funds.get(scope);
                if (f != null) {
                    if (f.lastReleaseAt() != null && (released == null || f.lastReleaseAt().isAfter(released))) {
                        released = f.lastReleaseAt();
                    }
                    if (utilized == null && f.utilizedPercent() != null) {
                        utilized = f.utilizedPercent();
                    }
                }
            }
            SchoolInputs inputs = new SchoolInputs(MealHistory.fromBytes(row.meals()), row.enrollment(),
                    row.previousEnrollment() == null ? SchoolInputs.NONE : row.previousEnrollment(), row.rural(),
                    stateCode(udise), stockDays, stockObserved, stockObserved,
                    delayDays.stream().mapToInt(Integer::intValue).toArray(),
                    delayLate.stream().mapToInt(Integer::intValue).toArray(), supplierCount,
                    released == null ? SchoolInputs.NONE : day(released),
                    utilized == null ? Double.NaN : utilized.doubleValue(),
                    row.districtCode() == null ? 0 : shares.getOrDefault(row.districtCode(), 0.0),
                    row.inspectionDueOn() == null ? SchoolInputs.NONE : (int) row.inspectionDueOn().toEpochDay(),
                    kitchen == null ? 0 : kitchenSizes.getOrDefault(kitchen, 1));
            result.put(udise, new School(udise, row.districtCode(), row.blockCode(), asOf, inputs));
        }
        return result;
    }

    /** Schools of a district and/or block the store knows, at most {@code limit}. */
    public List<String> schoolsIn(String districtCode, String blockCode, int limit) {
        return repository.schoolsIn(districtCode, blockCode, limit);
    }

    /** The districts of the schools the store knows (their LGD codes), in order. */
    public List<String> districtCodes() {
        return repository.districtCodes();
    }

    /** Keeps schools' features as of their day, the rows later training learns from. */
    public void snapshot(List<School> schools, List<float[]> features) {
        List<FeatureRepository.Snapshot> snapshots = new ArrayList<>(schools.size());
        for (int i = 0; i < schools.size(); i++) {
            snapshots.add(
                    new FeatureRepository.Snapshot(schools.get(i).udiseCode(), schools.get(i).asOf(), features.get(i)));
        }
        repository.snapshot(snapshots);
    }

    /** A labelled training row. */
    public interface RowSink {

        void row(float[] features, boolean label, int epochDay);

    }

    /**
     * The snapshots of [from, to] labelled from their schools' meal histories (a shortage
     * in the next {@code horizon} reported days); rows whose days ahead are not all
     * reported yet are left out. Returns how many rows were given.
     */
    public int labelledSnapshots(LocalDate from, LocalDate to, int horizon, RowSink sink) {
        int[] n = { 0 };
        repository.snapshots(from, to, (udise, asOf, features, meals) -> {
            if (features.length != Feature.COUNT) {
                return;
            }
            Boolean label = Features.shortageAhead(MealHistory.fromBytes(meals), (int) asOf.toEpochDay(), horizon);
            if (label != null) {
                sink.row(features, label, (int) asOf.toEpochDay());
                n[0]++;
            }
        });
        return n[0];
    }

    /** The first and last day with snapshots, or nulls. */
    public LocalDate[] snapshotRange() {
        return repository.snapshotRange();
    }

    private static int day(Instant at) {
        return (int) at.atZone(INDIA).toLocalDate().toEpochDay();
    }

    private static int stateCode(String udise) {
        try {
            return Integer.parseInt(udise.substring(0, 2));
        }
        catch (RuntimeException ex) {
            return 0;
        }
    }

    /** A school's place and meal history. */
    public record SchoolHistory(String udiseCode, String districtCode, String blockCode, MealHistory meals) {
    }

    /**
     * The school's place and meal history; empty when the store has never heard of it.
     */
    public java.util.Optional<SchoolHistory> history(String udiseCode) {
        FeatureRepository.SchoolRow row = repository.schools(List.of(udiseCode), false).get(udiseCode);
        return java.util.Optional.ofNullable(row)
            .map(r -> new SchoolHistory(r.udiseCode(), r.districtCode(), r.blockCode(),
                    MealHistory.fromBytes(r.meals())));
    }

    /**
     * The next {@code limit} schools with a meal history after {@code after} (UDISE
     * order; {@code ""} for the first), within a district or block when given.
     */
    public List<SchoolHistory> histories(String after, String districtCode, String blockCode, int limit) {
        return repository.histories(after, districtCode, blockCode, limit)
            .stream()
            .map(r -> new SchoolHistory(r.udiseCode(), r.districtCode(), r.blockCode(),
                    MealHistory.fromBytes(r.meals())))
            .toList();
    }

    /** How many schools have a meal history. */
    public int countHistories() {
        return repository.countHistories();
    }

    /** Today in India, by the service's clock. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(INDIA));
    }

}
