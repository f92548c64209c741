package in.mdm.report.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.report.ReportProblems;
import in.mdm.report.template.PeriodKind;

/**
 * Report schedules: stored with their next firing; each due firing queues one job over
 * the last whole period and moves the schedule on, under the schedule's row lock, so that
 * however many replicas fire at once, each firing happens once.
 */
@Service
public class ReportScheduleService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final ReportScheduleRepository schedules;

    private final ReportJobService jobs;

    private final AuditTrail audit;

    private final Clock clock;

    ReportScheduleService(ReportScheduleRepository schedules, ReportJobService jobs, AuditTrail audit, Clock clock) {
        this.schedules = schedules;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ReportScheduleResponse schedule(ScheduleReportRequest request, Caller caller) {
        if (!CronExpression.isValidExpression(request.cron())) {
            throw ReportJobService.invalid(ReportProblems.INVALID_CRON, "cron",
                    "must be a cron expression of six fields (second minute hour day month weekday)");
        }
        ReportJobService.checkType(request.type(), caller);
        jobs.checkedScope(request.scope(), request.code(), "code", caller);
        Instant next = next(request.cron(), clock.instant());
        ReportScheduleResponse created = schedules.insert(UUID.randomUUID(), request,
                request.language() == null ? "en" : request.language(), caller.username(), next);
        audit.record(AuditEntry.created("report.schedule", "report-schedule", created.id().toString(), created));
        return created;
    }

    /** Fires every schedule due at {@code now} once; returns the jobs queued. */
    @Transactional
    public int fireDue(Instant now) {
        List<ReportScheduleResponse> due = schedules.lockDue(now);
        LocalDate today = now.atZone(INDIA).toLocalDate();
        for (ReportScheduleResponse s : due) {
            PeriodKind.Period period = PeriodKind.Period.lastComplete(s.period(), today);
            jobs.queue(new ReportJobRepository.NewJob(UUID.randomUUID(), s.type(), s.format(),
                    new Jurisdiction(s.scope(), s.code()), s.period(), period.from(), period.to(), s.language(),
                    List.of(), s.createdBy(), s.id(), s.recipients()));
            schedules.fired(s.id(), now, next(s.cron(), now));
        }
        return due.size();
    }

    static Instant next(String cron, Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(INDIA));
        if (next == null) {
            throw ReportJobService.invalid(ReportProblems.INVALID_CRON, "cron", "never fires");
        }
        return next.toInstant();
    }

}
