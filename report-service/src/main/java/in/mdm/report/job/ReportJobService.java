package in.mdm.report.job;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.Jurisdiction.Level;
import in.mdm.events.report.ReportReady;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.PlatformProblems;
import in.mdm.report.ReportProblems;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportTemplates;
import in.mdm.report.template.ReportType;

@Service
public class ReportJobService {

    /** The longest period one report covers: an academic or financial year. */
    static final long MAX_PERIOD_DAYS = 366;

    private final ReportJobRepository jobs;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ReportJobService(ReportJobRepository jobs, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Queues a report over any dates (the first API); the worker generates it. */
    @Transactional
    ReportJob request(RequestReportRequest request, Caller caller) {
        if (request.periodTo().isBefore(request.periodFrom())) {
            throw invalid(ReportProblems.INVALID_PERIOD, "periodTo", "must not be before periodFrom");
        }
        if (ChronoUnit.DAYS.between(request.periodFrom(), request.periodTo()) + 1 > MAX_PERIOD_DAYS) {
            throw invalid(ReportProblems.INVALID_PERIOD, "periodTo",
                    "a report covers at most " + MAX_PERIOD_DAYS + " days");
        }
        checkType(request.reportType(), caller);
        Jurisdiction scope = checkedScope(request.scopeLevel(), request.scopeCode(), "scopeCode", caller);
        return queue(new ReportJobRepository.NewJob(UUID.randomUUID(), request.reportType(), request.format(), scope,
                null, request.periodFrom(), request.periodTo(), "en", List.of(), caller.username(), null, List.of()));
    }

    /** What {@code GET /generate} asks for. */
    record Generate(ReportType type, PeriodKind period, LocalDate from, Level scope, String code, ReportFormat format,
            String language, List<String> columns) {
    }

    /** Queues a report over the period of a kind that holds {@code from}. */
    @Transactional
    ReportJob generate(Generate g, Caller caller) {
        checkType(g.type(), caller);
        Jurisdiction scope = checkedScope(g.scope(), g.code(), "code", caller);
        List<String> columns = checkedColumns(g.type(), g.columns());
        PeriodKind.Period period = g.period().of(g.from());
        return queue(new ReportJobRepository.NewJob(UUID.randomUUID(), g.type(), g.format(), scope, g.period(),
                period.from(), period.to(), g.language(), columns, caller.username(), null, List.of()));
    }

    /** Queues a scheduled report (the schedule's creator is its requester). */
    @Transactional
    ReportJob queue(ReportJobRepository.NewJob job) {
        ReportJob queued = jobs.insert(job);
        // the job as the API answers it: never the file's path on the server
        audit.record(
                AuditEntry.created("report.request", "report", queued.id().toString(), ReportJobResponse.of(queued)));
        return queued;
    }

    @Transactional(readOnly = true)
    ReportJob get(UUID id, Caller caller) {
        return jobs.find(id, visible(caller))
            .orElseThrow(() -> ApiException.notFound(ReportProblems.REPORT_NOT_FOUND, "No report with id " + id));
    }

    /** A READY job inside the caller's jurisdiction, to download. */
    @Transactional(readOnly = true)
    ReportJob downloadable(UUID id, Caller caller) {
        ReportJob job = get(id, caller);
        if (job.status() != JobStatus.READY) {
            throw ApiException.conflict(ReportProblems.REPORT_NOT_READY,
                    "Report " + id + " is " + job.status() + ", not READY");
        }
        return job;
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<ReportJob> page(ReportJobFilter filter, Caller caller, int page, int size) {
        return jobs.page(filter, visible(caller), page, size);
    }

    /**
     * Marks a job READY with its file and tells whom it concerns (ReportReady, through
     * the outbox, in the same transaction).
     */
    @Transactional
    void ready(ReportJob job, String filePath, String mediaType, String fileName) {
        if (jobs.ready(job.id(), filePath, mediaType, fileName)) {
            events.publishEvent(new ReportReady(DomainEvent.newId(), clock.instant(), job.id(), job.reportType().name(),
                    job.format().name(), job.requestedBy(), ReportJobResponse.downloadPath(job.id()),
                    job.recipients()));
        }
    }

    @Transactional
    void failed(UUID id, String reason) {
        jobs.failed(id, reason);
    }

    /** Whether the caller may ask for a report on this scope. */
    @Transactional(readOnly = true)
    public boolean mayReportOn(Jurisdiction scope, Caller caller) {
        return jobs.wouldBeVisible(scope, visible(caller));
    }

    /**
     * The scope, checked to fit its level and to lie inside the caller's jurisdiction.
     */
    public Jurisdiction checkedScope(Level level, String code, String field, Caller caller) {
        if (!fits(level, code)) {
            throw invalid(ReportProblems.INVALID_SCOPE, field, "does not fit scope level " + level);
        }
        Jurisdiction scope = new Jurisdiction(level, code);
        if (!jobs.wouldBeVisible(scope, visible(caller))) {
            // another jurisdiction's data does not exist for this caller; a report is
            // asked for only where it could be read
            throw ApiException.notFound(ReportProblems.SCOPE_NOT_FOUND,
                    "No " + level.name().toLowerCase(Locale.ROOT) + " " + code);
        }
        return scope;
    }

    /**
     * The audit trail spans the whole service: only the state's administrators read it.
     */
    static void checkType(ReportType type, Caller caller) {
        if (type == ReportType.AUDIT && !caller.isAdmin()) {
            throw new ApiException(HttpStatus.FORBIDDEN, PlatformProblems.FORBIDDEN,
                    "Only an ADMIN may ask for the audit report");
        }
    }

    static List<String> checkedColumns(ReportType type, List<String> columns) {
        if (columns == null || columns.isEmpty()) {
            return List.of();
        }
        Set<String> known = ReportTemplates.columnKeys(type);
        List<String> unknown = new ArrayList<>();
        for (String c : columns) {
            if (!known.contains(c)) {
                unknown.add(c);
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid(ReportProblems.INVALID_COLUMNS, "columns",
                    "unknown for " + type + ": " + String.join(", ", unknown));
        }
        return List.copyOf(columns);
    }

    /** Reports whose scope lies inside the caller's jurisdiction. */
    private static JurisdictionScope.Condition visible(Caller caller) {
        return JurisdictionScope.of(caller).where(ReportJobRepository.PLACE);
    }

    /**
     * State codes have 1-2 digits, LGD district and block codes up to 6, UDISE school
     * codes exactly 11.
     */
    static boolean fits(Level level, String code) {
        return switch (level) {
            case STATE -> code.matches("[0-9]{1,2}");
            case DISTRICT, BLOCK -> code.matches("[0-9]{1,6}");
            case SCHOOL -> code.matches("[0-9]{11}");
        };
    }

    static ApiException invalid(String code, String field, String message) {
        ApiException ex = ApiException.badRequest(code, "Invalid request: " + field + " " + message);
        ex.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ex;
    }

}
