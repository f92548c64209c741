package in.mdm.school.meal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.events.AcademicYear;
import in.mdm.events.DomainEvent;
import in.mdm.events.school.DailyMealReported;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;
import in.mdm.school.stock.MealConsumption;

/**
 * Daily meal reports: one per school and school day, from the app or web (single or
 * batch, idempotent by the client's report id), by SMS/IVRS, in bulk files, and corrected
 * by officers with an audit trail. Each accepted report and each correction publishes
 * DailyMealReported and posts the meal day's consumption from stock.
 */
@Service
public class MealReportService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    /** A report stored now, or the one stored before for the same client report id. */
    record Outcome(MealReportResponse report, boolean created) {
    }

    private final MealReportRepository reports;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final JsonMapper json;

    private final Clock clock;

    private final MealReportWriter writer;

    private final MealConsumption consumption;

    MealReportService(MealReportRepository reports, MealReportWriter writer, MealConsumption consumption,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager, JsonMapper json,
            Clock clock) {
        this.reports = reports;
        this.writer = writer;
        this.consumption = consumption;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /** One report, in its own transaction: a batch of one. */
    Outcome submit(MealReportRequest request, ReportChannel channel, Caller caller) {
        MealReportWriter.Result result = storeAll(
                List.of(new MealReportWriter.Incoming(request, clock.instant(), caller.username())), channel, caller)
            .get(0);
        if (result.status() == BatchResponse.Status.REJECTED) {
            throw result.problem();
        }
        return new Outcome(result.report(), result.status() == BatchResponse.Status.CREATED);
    }

    /**
     * Reports sent at once: stored in one transaction (a database failure stores none of
     * them), one result each, in order.
     */
    BatchResponse submitBatch(List<MealReportRequest> requests, ReportChannel channel, Caller caller) {
        Instant now = clock.instant();
        List<MealReportWriter.Result> results = storeAll(
                requests.stream().map(r -> new MealReportWriter.Incoming(r, now, caller.username())).toList(), channel,
                caller);
        return BatchResponse.of(requests, results);
    }

    /** Stores the reports in one transaction (again after a deadlock). */
    List<MealReportWriter.Result> storeAll(List<MealReportWriter.Incoming> batch, ReportChannel channel,
            Caller caller) {
        return writer.inTransaction(status -> writer.store(batch, channel, JurisdictionScope.of(caller), false, true));
    }

    /** Why a report's reason does not fit its meals, or {@code null}. */
    static ApiException reasonProblem(int mealsServed, NoMealReason reason) {
        if (mealsServed == 0 && reason == null) {
            return ApiException.badRequest(SchoolProblems.MEAL_REPORT_REASON_REQUIRED,
                    "noMealReason: required when no meal was served");
        }
        if (mealsServed > 0 && reason != null) {
            return ApiException.badRequest(SchoolProblems.MEAL_REPORT_REASON_WITH_MEALS,
                    "noMealReason: only when no meal was served");
        }
        return null;
    }

    private static void checkReason(int mealsServed, NoMealReason reason) {
        ApiException problem = reasonProblem(mealsServed, reason);
        if (problem != null) {
            throw problem;
        }
    }

    /** The flags of a corrected report: the same rules as a new one's. */
    private List<MealReportFlag> flags(MealReportRepository.SchoolPlace school, LocalDate date, int primary, int upper,
            int meals, NoMealReason reason) {
        List<MealReportFlag> flags = new ArrayList<>();
        Integer enrolled = reports.enrolled(school.udiseCode(), AcademicYear.of(date));
        if (enrolled != null && meals > enrolled) {
            flags.add(MealReportFlag.MEALS_EXCEED_ENROLLMENT);
        }
        if (meals > primary + upper) {
            flags.add(MealReportFlag.MEALS_EXCEED_ATTENDANCE);
        }
        if (meals > 0) {
            int[] recent = reports.recentAttendance(school.udiseCode(), date);
            int attendance = primary + upper;
            if (recent[0] >= 5 && (attendance > recent[2] * 3 / 2 || attendance < recent[1] / 2)) {
                flags.add(MealReportFlag.ATTENDANCE_OUTLIER);
            }
        }
        if (reason != NoMealReason.HOLIDAY && reports.holiday(date, school.districtCode())) {
            flags.add(MealReportFlag.HOLIDAY_REPORT);
        }
        return flags;
    }

    /** An officer's correction: audited (who, before, after, why) and published again. */
    MealReportResponse correct(UUID id, CorrectionRequest c, Caller caller) {
        return transactions.execute(status -> {
            MealReportResponse report = find(id, caller);
            checkReason(c.mealsServed(), c.noMealReason());
            MealReportRepository.SchoolPlace school = reports.school(report.udiseCode()).orElseThrow();
            List<MealReportFlag> flags = flags(school, report.date(), c.attendancePrimary(), c.attendanceUpperPrimary(),
                    c.mealsServed(), c.noMealReason());
            reports.correct(id, c, caller.username(), flags);
            consumption.consume(List.of(new MealConsumption.MealDay(report.udiseCode(), report.date())));
            events.publishEvent(new DailyMealReported(DomainEvent.newId(), clock.instant(), report.udiseCode(),
                    report.date(), c.attendancePrimary(), c.attendanceUpperPrimary(), c.mealsServed(),
                    name(c.noMealReason()), report.channel().name()));
            return reports.find(id).orElseThrow();
        });
    }

    MealReportResponse find(UUID id, Caller caller) {
        MealReportResponse report = reports.find(id)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.MEAL_REPORT_NOT_FOUND, "No meal report " + id));
        MealReportRepository.SchoolPlace school = reports.school(report.udiseCode()).orElseThrow();
        if (!caller.covers(school.districtCode(), school.blockCode(), school.udiseCode())) {
            throw ApiException.notFound(SchoolProblems.MEAL_REPORT_NOT_FOUND, "No meal report " + id);
        }
        return report;
    }

    List<CorrectionResponse> corrections(UUID id, Caller caller) {
        find(id, caller);
        TypeReference<Map<String, Object>> type = new TypeReference<>() {
        };
        return reports.corrections(id)
            .stream()
            .map(c -> new CorrectionResponse(c.id(), c.reportId(), c.by(), c.at(), json.readValue(c.before(), type),
                    json.readValue(c.after(), type), c.reason()))
            .toList();
    }

    PageResponse<MealReportResponse> page(String udiseCode, LocalDate from, LocalDate to, Caller caller, int page,
            int size) {
        return transactions.execute(status -> reports.page(udiseCode, from, to,
                JurisdictionScope.of(caller).where(MealReportRepository.PLACE), page, size));
    }

    /** The reason as DailyMealReported carries it: its name, or {@code null}. */
    private static String name(NoMealReason reason) {
        return reason == null ? null : reason.name();
    }

}
