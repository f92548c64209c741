package in.mdm.school.meal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.AcademicYear;
import in.mdm.events.DomainEvent;
import in.mdm.events.Ids;
import in.mdm.events.school.DailyMealReported;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;
import in.mdm.school.stock.MealConsumption;

/**
 * Stores meal reports a batch at a time, in the caller's transaction, with a fixed number
 * of statements whatever the batch's size: the checks read what they need for the whole
 * batch at once, the new reports are one multi-row insert, the data-quality flags are set
 * from a few set queries, the consumption from stock is posted for the batch at once
 * ({@link MealConsumption}) and the DailyMealReported events go to the outbox in compact
 * batches ({@link EventBatches}). Each report gets its own result, in order.
 * <p>
 * The checks, in the order a single report meets them: a {@code clientReportId} sent
 * before answers the stored report (DUPLICATE), or 409 if it named another school; the
 * school must exist within the caller's jurisdiction (404); the date must not be after
 * the day it was received (400); a report without meals needs a reason and one with meals
 * none (400); a second report of a school for a day is 409 {@code meal.report.duplicate},
 * unless {@code identicalIsDuplicate} and its figures are those stored (an aggregator's
 * file sent again), which is a DUPLICATE.
 */
@Component
class MealReportWriter {

    /** A report to store, with when it was received and by whom. */
    record Incoming(MealReportRequest request, Instant receivedAt, String reportedBy) {
    }

    /** What became of a report: {@code report} is set when asked for. */
    record Result(BatchResponse.Status status, UUID reportId, MealReportResponse report, ApiException problem) {

        static Result rejected(ApiException problem) {
            return new Result(BatchResponse.Status.REJECTED, null, null, problem);
        }

        static Result duplicate(MealReportResponse stored) {
            return new Result(BatchResponse.Status.DUPLICATE, stored.id(), stored, null);
        }

    }

    private final MealReportRepository reports;

    private final MealConsumption consumption;

    private final EventBatches events;

    private final java.time.Clock clock;

    private final TransactionTemplate transactions;

    /**
     * A deadlock or lock wait the database broke is tried again, twice at most; other
     * failures are not.
     */
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
        .maxRetries(2)
        .delay(Duration.ofMillis(20))
        .includes(PessimisticLockingFailureException.class)
        .build());

    MealReportWriter(MealReportRepository reports, MealConsumption consumption, EventBatches events,
            java.time.Clock clock, PlatformTransactionManager transactionManager) {
        this.reports = reports;
        this.consumption = consumption;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Runs the work (that stores reports) in a transaction of its own, again when the
     * database broke a deadlock or lock wait: nothing of a failed attempt remains.
     * Answered 503 {@code service.busy} if the last attempt fails so too.
     */
    <T> T inTransaction(TransactionCallback<T> work) {
        return retry.invoke(() -> transactions.execute(work));
    }

    /**
     * Stores the reports in the current transaction.
     * @param withReports whether each result carries the stored report (the API's answer)
     * or only its id (a bulk job's counts)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Result> store(List<Incoming> batch, ReportChannel channel, JurisdictionScope scope,
            boolean identicalIsDuplicate, boolean withReports) {
        int n = batch.size();
        Result[] results = new Result[n];

        // 1. client report ids sent before, or earlier in this batch
        Set<UUID> clientIds = new HashSet<>();
        for (Incoming in : batch) {
            if (in.request().clientReportId() != null) {
                clientIds.add(in.request().clientReportId());
            }
        }
        Map<UUID, MealReportResponse> byClientId = reports.byClientIds(clientIds);
        Map<UUID, Integer> firstWithClientId = new HashMap<>();
        int[] sameAs = new int[n];
        java.util.Arrays.fill(sameAs, -1);
        for (int i = 0; i < n; i++) {
            MealReportRequest r = batch.get(i).request();
            if (r.clientReportId() == null) {
                continue;
            }
            MealReportResponse stored = byClientId.get(r.clientReportId());
            if (stored != null) {
                results[i] = stored.udiseCode().equals(r.udiseCode()) ? Result.duplicate(stored) : clientIdReused();
                continue;
            }
            Integer first = firstWithClientId.putIfAbsent(r.clientReportId(), i);
            if (first != null) {
                if (!batch.get(first).request().udiseCode().equals(r.udiseCode())) {
                    results[i] = clientIdReused();
                }
                else {
                    sameAs[i] = first; // answered as the first one is, once it is stored
                }
            }
        }

        // 2. the schools, within the caller's jurisdiction
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (results[i] == null && sameAs[i] < 0) {
                codes.add(batch.get(i).request().udiseCode());
            }
        }
        Map<String, MealReportRepository.SchoolPlace> schools = reports.schools(codes);
        for (int i = 0; i < n; i++) {
            if (results[i] != null || sameAs[i] >= 0) {
                continue;
            }
            Incoming in = batch.get(i);
            MealReportRequest r = in.request();
            MealReportRepository.SchoolPlace school = schools.get(r.udiseCode());
            if (school == null || !scope.covers(school.districtCode(), school.blockCode(), school.udiseCode())) {
                results[i] = Result.rejected(ApiException.notFound(SchoolProblems.SCHOOL_NOT_FOUND,
                        "No school with UDISE code " + r.udiseCode()));
                continue;
            }
            LocalDate today = LocalDate.ofInstant(in.receivedAt(), MealReportService.INDIA);
            if (r.date().isAfter(today)) {
                results[i] = Result.rejected(ApiException.badRequest(SchoolProblems.MEAL_REPORT_FUTURE_DATE,
                        "date: " + r.date() + " is after today (" + today + ")"));
                continue;
            }
            ApiException reason = MealReportService.reasonProblem(r.mealsServed(), r.noMealReason());
            if (reason != null) {
                results[i] = Result.rejected(reason);
            }
        }

        // 3. a school's second report of a day: stored before, or earlier in this batch
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (results[i] == null && sameAs[i] < 0) {
                candidates.add(i);
            }
        }
        Map<String, MealReportResponse> storedDays = reports.bySchoolAndDates(
                candidates.stream().map(i -> batch.get(i).request().udiseCode()).toList(),
                candidates.stream().map(i -> batch.get(i).request().date()).toList());
        Map<String, Integer> firstOfDay = new HashMap<>();
        List<Integer> toInsert = new ArrayList<>();
        for (int i : candidates) {
            MealReportRequest r = batch.get(i).request();
            String day = r.udiseCode() + "|" + r.date();
            MealReportResponse stored = storedDays.get(day);
            if (stored != null) {
                results[i] = identicalIsDuplicate && sameFigures(stored, r) ? Result.duplicate(stored)
                        : duplicateDay(r);
                continue;
            }
            Integer first = firstOfDay.putIfAbsent(day, i);
            if (first != null) {
                if (identicalIsDuplicate && sameFigures(batch.get(first).request(), r)) {
                    sameAs[i] = first;
                }
                else {
                    results[i] = duplicateDay(r);
                }
                continue;
            }
            toInsert.add(i);
        }

        // 4. flags from a few set queries, then one insert
        Map<String, Integer> enrolled = reports.enrolled(
                toInsert.stream().map(i -> batch.get(i).request().udiseCode()).toList(),
                toInsert.stream().map(i -> AcademicYear.of(batch.get(i).request().date())).toList());
        Set<String> holidays = reports
            .holidays(new LinkedHashSet<>(toInsert.stream().map(i -> batch.get(i).request().date()).toList()));
        List<MealReportRepository.NewReport> rows = new ArrayList<>(toInsert.size());
        Map<UUID, Integer> itemOf = new HashMap<>();
        for (int i : toInsert) {
            Incoming in = batch.get(i);
            MealReportRequest r = in.request();
            MealReportRepository.SchoolPlace school = schools.get(r.udiseCode());
            List<MealReportFlag> flags = new ArrayList<>(2);
            Integer children = enrolled.get(r.udiseCode() + "|" + AcademicYear.of(r.date()));
            if (children != null && r.mealsServed() > children) {
                flags.add(MealReportFlag.MEALS_EXCEED_ENROLLMENT);
            }
            if (r.mealsServed() > r.attendancePrimary() + r.attendanceUpperPrimary()) {
                flags.add(MealReportFlag.MEALS_EXCEED_ATTENDANCE);
            }
            if (r.noMealReason() != NoMealReason.HOLIDAY && (holidays.contains(r.date() + "|")
                    || holidays.contains(r.date() + "|" + school.districtCode()))) {
                flags.add(MealReportFlag.HOLIDAY_REPORT);
            }
            UUID id = Ids.timeOrdered();
            itemOf.put(id, i);
            rows.add(new MealReportRepository.NewReport(id, r, channel, in.reportedBy(), in.receivedAt(), flags));
        }
        Set<UUID> inserted = reports.insertAll(rows);
        List<UUID> created = new ArrayList<>(inserted.size());
        List<Integer> raced = new ArrayList<>();
        for (MealReportRepository.NewReport row : rows) {
            int i = itemOf.get(row.id());
            if (inserted.contains(row.id())) {
                created.add(row.id());
                results[i] = new Result(BatchResponse.Status.CREATED, row.id(), null, null);
            }
            else {
                raced.add(i);
            }
        }
        resolveRaced(batch, raced, results, identicalIsDuplicate);

        if (!created.isEmpty()) {
            // outliers against each school's earlier days, this batch's included
            List<MealReportRepository.NewReport> served = rows.stream()
                .filter(row -> inserted.contains(row.id()) && row.request().mealsServed() > 0)
                .toList();
            reports.flagOutliers(served.stream().map(row -> row.request().udiseCode()).toList(),
                    served.stream().map(row -> row.request().date()).toList(),
                    served.stream()
                        .map(row -> row.request().attendancePrimary() + row.request().attendanceUpperPrimary())
                        .toList());
            consumption.consume(rows.stream()
                .filter(row -> inserted.contains(row.id()))
                .map(row -> new MealConsumption.MealDay(row.request().udiseCode(), row.request().date()))
                .toList());
            Instant now = clock.instant();
            List<DomainEvent> reported = new ArrayList<>(created.size());
            for (MealReportRepository.NewReport row : rows) {
                if (inserted.contains(row.id())) {
                    MealReportRequest r = row.request();
                    reported.add(new DailyMealReported(DomainEvent.newId(), now, r.udiseCode(), r.date(),
                            r.attendancePrimary(), r.attendanceUpperPrimary(), r.mealsServed(),
                            r.noMealReason() == null ? null : r.noMealReason().name(), channel.name()));
                }
            }
            events.publish(reported);
        }
        if (withReports && !created.isEmpty()) {
            Map<UUID, MealReportResponse> stored = reports.byIds(created);
            for (int i = 0; i < n; i++) {
                if (results[i] != null && results[i].status() == BatchResponse.Status.CREATED) {
                    results[i] = new Result(BatchResponse.Status.CREATED, results[i].reportId(),
                            stored.get(results[i].reportId()), null);
                }
            }
        }
        // repeats within the batch answer as the first
        for (int i = 0; i < n; i++) {
            if (sameAs[i] >= 0) {
                Result first = results[sameAs[i]];
                results[i] = first.status() == BatchResponse.Status.REJECTED ? first
                        : new Result(BatchResponse.Status.DUPLICATE, first.reportId(), first.report(), null);
            }
        }
        return List.of(results);
    }

    /**
     * Reports another transaction stored at the same moment (same client id, or same
     * school and day): answered as if they had come after it.
     */
    private void resolveRaced(List<Incoming> batch, List<Integer> raced, Result[] results,
            boolean identicalIsDuplicate) {
        if (raced.isEmpty()) {
            return;
        }
        Set<UUID> clientIds = new HashSet<>();
        raced.forEach(i -> {
            if (batch.get(i).request().clientReportId() != null) {
                clientIds.add(batch.get(i).request().clientReportId());
            }
        });
        Map<UUID, MealReportResponse> byClientId = reports.byClientIds(clientIds);
        Map<String, MealReportResponse> byDay = reports.bySchoolAndDates(
                raced.stream().map(i -> batch.get(i).request().udiseCode()).toList(),
                raced.stream().map(i -> batch.get(i).request().date()).toList());
        for (int i : raced) {
            MealReportRequest r = batch.get(i).request();
            MealReportResponse stored = r.clientReportId() == null ? null : byClientId.get(r.clientReportId());
            if (stored != null) {
                results[i] = stored.udiseCode().equals(r.udiseCode()) ? Result.duplicate(stored) : clientIdReused();
                continue;
            }
            MealReportResponse sameDay = byDay.get(r.udiseCode() + "|" + r.date());
            results[i] = sameDay != null && identicalIsDuplicate && sameFigures(sameDay, r) ? Result.duplicate(sameDay)
                    : duplicateDay(r);
        }
    }

    private static boolean sameFigures(MealReportResponse stored, MealReportRequest r) {
        return stored.attendancePrimary() == r.attendancePrimary()
                && stored.attendanceUpperPrimary() == r.attendanceUpperPrimary()
                && stored.mealsServed() == r.mealsServed() && Objects.equals(stored.noMealReason(), r.noMealReason());
    }

    private static boolean sameFigures(MealReportRequest a, MealReportRequest b) {
        return a.attendancePrimary().equals(b.attendancePrimary())
                && a.attendanceUpperPrimary().equals(b.attendanceUpperPrimary())
                && a.mealsServed().equals(b.mealsServed()) && Objects.equals(a.noMealReason(), b.noMealReason());
    }

    private static Result clientIdReused() {
        return Result.rejected(ApiException.conflict(SchoolProblems.MEAL_REPORT_CLIENT_ID_REUSED,
                "clientReportId: already used for another school's report"));
    }

    private static Result duplicateDay(MealReportRequest r) {
        return Result.rejected(ApiException.conflict(SchoolProblems.MEAL_REPORT_DUPLICATE, "School " + r.udiseCode()
                + " already reported for " + r.date() + "; an officer may correct that report"));
    }

}
