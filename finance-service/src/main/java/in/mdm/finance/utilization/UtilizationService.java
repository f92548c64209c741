package in.mdm.finance.utilization;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.finance.UtilizationRecorded;
import in.mdm.finance.FinanceProblems;
import in.mdm.finance.audit.AuditAction;
import in.mdm.finance.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;

/**
 * Utilization: spending recorded per school, month and category against the funds
 * released to the school for the academic year, compared with what the meals actually
 * served should have cost. Crossing a configured share of the released funds (80, 90, 100
 * %) publishes BudgetThresholdCrossed once per level; a release with no spending recorded
 * after it for N days publishes one with threshold 0 ("released but unused").
 */
@Service
class UtilizationService {

    static final int IDLE_THRESHOLD = 0;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final UtilizationRepository utilization;

    private final ApplicationEventPublisher events;

    private final AuditTrail audit;

    private final List<Integer> thresholds;

    private final BigDecimal bandLow;

    private final BigDecimal bandHigh;

    private final Duration idleAfter;

    private final Clock clock;

    UtilizationService(UtilizationRepository utilization, ApplicationEventPublisher events, AuditTrail audit,
            Clock clock, @Value("${mdm.finance.utilization.thresholds:80,90,100}") List<Integer> thresholds,
            @Value("${mdm.finance.utilization.band-low-percent:96}") BigDecimal bandLow,
            @Value("${mdm.finance.utilization.band-high-percent:100}") BigDecimal bandHigh,
            @Value("${mdm.finance.utilization.idle-after:P30D}") Duration idleAfter) {
        this.utilization = utilization;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.thresholds = thresholds.stream().sorted().toList();
        this.bandLow = bandLow;
        this.bandHigh = bandHigh;
        this.idleAfter = idleAfter;
    }

    /** The academic year (June to May) a month belongs to, e.g. 2027-03 → 2026-27. */
    static String academicYear(YearMonth month) {
        int first = month.getMonthValue() >= 6 ? month.getYear() : month.getYear() - 1;
        return first + "-" + String.format("%02d", (first + 1) % 100);
    }

    @Transactional
    UtilizationReportResponse record(RecordUtilizationRequest request, Caller caller) {
        UtilizationRepository.School school = utilization.school(request.udiseCode(), scope(caller))
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.SCHOOL_NOT_FOUND,
                    "No funded school with UDISE code " + request.udiseCode()));
        YearMonth month = YearMonth.parse(request.month());
        if (month.isAfter(YearMonth.now(clock.withZone(java.time.ZoneId.of("Asia/Kolkata"))))) {
            throw ApiException.badRequest(FinanceProblems.UTILIZATION_FUTURE_MONTH,
                    "Spending is recorded for a month that has begun");
        }
        String year = academicYear(month);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        BigDecimal amount = request.amount().setScale(2);
        if (!utilization.insert(new UtilizationRecord(id, school.udiseCode(), year, month.atDay(1),
                school.districtCode(), school.blockCode(), request.category(), amount, caller.subject(), now))) {
            throw ApiException.conflict(FinanceProblems.UTILIZATION_EXISTS, request.category() + " spending of "
                    + request.month() + " is recorded already for " + request.udiseCode());
        }
        audit.record(caller.username(), AuditAction.UTILIZATION_RECORDED, id.toString(),
                new AuditTrail.Location(school.districtCode(), school.blockCode(), school.udiseCode()), null,
                AuditTrail.values("month", request.month(), "category", request.category().name(), "amount", amount),
                null);
        events.publishEvent(new UtilizationRecorded(DomainEvent.newId(), now, id, school.udiseCode(), request.month(),
                request.category().name(), amount));
        BigDecimal released = utilization.released(school.udiseCode(), year);
        BigDecimal utilized = utilization.utilized(school.udiseCode(), year);
        BigDecimal percent = percent(utilized, released);
        if (percent != null) {
            for (int threshold : thresholds) {
                if (percent.compareTo(BigDecimal.valueOf(threshold)) >= 0
                        && utilization.markCrossed(school.udiseCode(), year, threshold, now)) {
                    events.publishEvent(new BudgetThresholdCrossed(DomainEvent.newId(), now,
                            Jurisdiction.school(school.udiseCode()), threshold, percent, released, utilized));
                }
            }
        }
        return report(school.udiseCode(), year);
    }

    @Transactional(readOnly = true)
    UtilizationReportResponse report(String udiseCode, String academicYear, Caller caller) {
        utilization.school(udiseCode, scope(caller))
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.SCHOOL_NOT_FOUND,
                    "No funded school with UDISE code " + udiseCode));
        return report(udiseCode, academicYear);
    }

    @Transactional(readOnly = true)
    in.mdm.platform.web.PageResponse<UtilizationSummaryResponse> summaries(String academicYear, String districtCode,
            String blockCode, boolean flaggedOnly, Caller caller, int page, int size) {
        return utilization
            .summaries(academicYear, districtCode, blockCode, flaggedOnly, bandLow, bandHigh, scope(caller), page, size)
            .map(s -> UtilizationSummaryResponse.of(s, bandLow, bandHigh));
    }

    /**
     * Releases with nothing spent since for the configured time: signalled once each
     * (daily, {@link IdleReleaseJob}).
     */
    @Transactional
    public int signalIdleReleases() {
        Instant now = clock.instant();
        List<UtilizationRepository.IdleRelease> idle = utilization.idleReleases(now.minus(idleAfter));
        int signalled = 0;
        for (UtilizationRepository.IdleRelease release : idle) {
            if (!utilization.markIdleSignalled(release.releaseId(), now)) {
                continue;
            }
            signalled++;
            BigDecimal released = utilization.released(release.udiseCode(), release.academicYear());
            BigDecimal percent = percent(release.utilized(), released);
            events.publishEvent(new BudgetThresholdCrossed(DomainEvent.newId(), now,
                    Jurisdiction.school(release.udiseCode()), IDLE_THRESHOLD,
                    percent == null ? BigDecimal.ZERO.setScale(2) : percent, released, release.utilized()));
        }
        return signalled;
    }

    private UtilizationReportResponse report(String udiseCode, String year) {
        int first = Integer.parseInt(year.substring(0, 4));
        LocalDate from = LocalDate.of(first, 6, 1);
        LocalDate until = from.plusYears(1);
        BigDecimal released = utilization.released(udiseCode, year);
        Map<LocalDate, Map<SpendingCategory, BigDecimal>> byMonth = new TreeMap<>();
        for (UtilizationRepository.MonthRow row : utilization.months(udiseCode, year)) {
            byMonth.computeIfAbsent(row.month(), m -> new LinkedHashMap<>()).put(row.category(), row.amount());
        }
        Map<LocalDate, UtilizationRepository.MealMonth> meals = new TreeMap<>();
        for (UtilizationRepository.MealMonth m : utilization.meals(udiseCode, from, until)) {
            meals.put(m.month(), m);
            byMonth.computeIfAbsent(m.month(), k -> new LinkedHashMap<>());
        }
        List<UtilizationReportResponse.Month> months = new ArrayList<>();
        BigDecimal utilized = BigDecimal.ZERO.setScale(2);
        BigDecimal expected = BigDecimal.ZERO.setScale(2);
        long mealCount = 0;
        for (Map.Entry<LocalDate, Map<SpendingCategory, BigDecimal>> entry : byMonth.entrySet()) {
            BigDecimal spent = entry.getValue().values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            UtilizationRepository.MealMonth served = meals.get(entry.getKey());
            long count = served == null ? 0 : served.meals();
            BigDecimal cost = served == null ? BigDecimal.ZERO.setScale(2)
                    : served.expected().setScale(2, RoundingMode.HALF_EVEN);
            months.add(new UtilizationReportResponse.Month(YearMonth.from(entry.getKey()).toString(), count, cost,
                    spent, entry.getValue()));
            utilized = utilized.add(spent);
            expected = expected.add(cost);
            mealCount += count;
        }
        BigDecimal percent = percent(utilized, released);
        UtilizationBand band = UtilizationBand.of(percent, bandLow, bandHigh);
        return new UtilizationReportResponse(udiseCode, year, released, utilized, percent, mealCount, expected,
                utilized.subtract(expected), released.subtract(utilized), band, band.flagged(utilized), months);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
    }

    private static JurisdictionScope.Condition scope(Caller caller) {
        return JurisdictionScope.of(caller).where(UtilizationRepository.PLACE);
    }

}
