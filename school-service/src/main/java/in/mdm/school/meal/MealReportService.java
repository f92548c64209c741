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
import org.springframework.dao.DuplicateKeyException;
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

/**
 * Daily meal reports: one per school and school day, from the app or web (single or
 * batch, idempotent by the client's report id), by SMS/IVRS, and corrected by officers
 * with an audit trail. Each accepted report and each correction publishes
 * DailyMealReported.
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

    MealReportService(MealReportRepository reports, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, JsonMapper json, Clock clock) {
        this.reports = reports;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /** One report, in its own transaction. */
    Outcome submit(MealReportRequest request, ReportChannel channel, Caller caller) {
        try {
            return transactions
                .execute(status -> submitInTransaction(request, channel, caller.username(), caller, clock.instant()));
        }
        catch (DuplicateKeyException raced) {
            // another request stored the same report at the same moment
            return transactions
                .execute(status -> submitInTransaction(request, channel, caller.username(), caller, clock.instant()));
        }
    }

    /** Reports sent at once: each in its own transaction, one result each, in order. */
    BatchResponse submitBatch(List<MealReportRequest> requests, ReportChannel channel, Caller caller) {
        List<BatchResponse.Item> items = new ArrayList<>(requests.size());
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        for (MealReportRequest request : requests) {
            try {
                Outcome outcome = submit(request, channel, caller);
                BatchResponse.Status status = outcome.created() ? BatchResponse.Status.CREATED
                        : BatchResponse.Status.DUPLICATE;
                items.add(new BatchResponse.Item(request.clientReportId(), status, outcome.report(), null, null));
                if (outcome.created()) {
                    created++;
                }
                else {
                    duplicates++;
                }
            }
            catch (ApiException ex) {
                items.add(new BatchResponse.Item(request.clientReportId(), BatchResponse.Status.REJECTED, null,
                        ex.code(), ex.getBody().getDetail()));
                rejected++;
            }
        }
        return new BatchResponse(created, duplicates, rejected, items);
    }

    /**
     * Stores a report in the caller's transaction; every check comes before the one
     * write, so a rejected report leaves the transaction usable.
     */
    Outcome submitInTransaction(MealReportRequest r, ReportChannel channel, String reportedBy, Caller caller,
            Instant receivedAt) {
        if (r.clientReportId() != null) {
            var stored = reports.byClientId(r.clientReportId());
            if (stored.isPresent()) {
                if (!stored.get().udiseCode().equals(r.udiseCode())) {
                    throw ApiException.conflict(SchoolProblems.MEAL_REPORT_CLIENT_ID_REUSED,
                            "clientReportId: already used for another school's report");
                }
                return new Outcome(stored.get(), false);
            }
        }
        MealReportRepository.SchoolPlace school = school(r.udiseCode(), caller);
        LocalDate today = LocalDate.ofInstant(receivedAt, INDIA);
        if (r.date().isAfter(today)) {
            throw ApiException.badRequest(SchoolProblems.MEAL_REPORT_FUTURE_DATE,
                    "date: " + r.date() + " is after today (" + today + ")");
        }
        checkReason(r.mealsServed(), r.noMealReason());
        if (reports.bySchoolAndDate(r.udiseCode(), r.date()).isPresent()) {
            throw ApiException.conflict(SchoolProblems.MEAL_REPORT_DUPLICATE, "School " + r.udiseCode()
                    + " already reported for " + r.date() + "; an officer may correct that report");
        }
        List<MealReportFlag> flags = flags(school, r.date(), r.attendancePrimary(), r.attendanceUpperPrimary(),
                r.mealsServed(), r.noMealReason());
        UUID id = UUID.randomUUID();
        reports.insert(id, r, channel, reportedBy, receivedAt, flags);
        events.publishEvent(new DailyMealReported(DomainEvent.newId(), clock.instant(), r.udiseCode(), r.date(),
                r.attendancePrimary(), r.attendanceUpperPrimary(), r.mealsServed(), name(r.noMealReason()),
                channel.name()));
        return new Outcome(reports.find(id).orElseThrow(), true);
    }

    private static void checkReason(int mealsServed, NoMealReason reason) {
        if (mealsServed == 0 && reason == null) {
            throw ApiException.badRequest(SchoolProblems.MEAL_REPORT_REASON_REQUIRED,
                    "noMealReason: required when no meal was served");
        }
        if (mealsServed > 0 && reason != null) {
            throw ApiException.badRequest(SchoolProblems.MEAL_REPORT_REASON_WITH_MEALS,
                    "noMealReason: only when no meal was served");
        }
    }

    /**
     * The school, if the caller's jurisdiction covers it; 404 otherwise (unknown or
     * another jurisdiction's).
     */
    MealReportRepository.SchoolPlace school(String udiseCode, Caller caller) {
        return reports.school(udiseCode)
            .filter(s -> caller.covers(s.districtCode(), s.blockCode(), s.udiseCode()))
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.SCHOOL_NOT_FOUND,
                    "No school with UDISE code " + udiseCode));
    }

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
