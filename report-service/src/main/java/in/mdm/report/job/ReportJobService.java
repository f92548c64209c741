package in.mdm.report.job;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.Jurisdiction;
import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.report.ReportProblems;

@Service
public class ReportJobService {

    /** The longest period one report covers: an academic or financial year. */
    static final long MAX_PERIOD_DAYS = 366;

    private final ReportJobRepository jobs;

    private final AuditTrail audit;

    ReportJobService(ReportJobRepository jobs, AuditTrail audit) {
        this.jobs = jobs;
        this.audit = audit;
    }

    /** Queues a report; generation picks it up later. */
    @Transactional
    ReportJob request(RequestReportRequest request, Caller caller) {
        if (request.periodTo().isBefore(request.periodFrom())) {
            throw invalid(ReportProblems.INVALID_PERIOD, "periodTo", "must not be before periodFrom");
        }
        if (ChronoUnit.DAYS.between(request.periodFrom(), request.periodTo()) + 1 > MAX_PERIOD_DAYS) {
            throw invalid(ReportProblems.INVALID_PERIOD, "periodTo",
                    "a report covers at most " + MAX_PERIOD_DAYS + " days");
        }
        if (!fits(request.scopeLevel(), request.scopeCode())) {
            throw invalid(ReportProblems.INVALID_SCOPE, "scopeCode",
                    "does not fit scope level " + request.scopeLevel());
        }
        Jurisdiction scope = new Jurisdiction(request.scopeLevel(), request.scopeCode());
        if (!jobs.wouldBeVisible(scope, visible(caller))) {
            // another jurisdiction's data does not exist for this caller; a report is
            // asked for only where it could be read
            throw ApiException.notFound(ReportProblems.SCOPE_NOT_FOUND,
                    "No " + request.scopeLevel().name().toLowerCase(java.util.Locale.ROOT) + " " + request.scopeCode());
        }
        ReportJob job = jobs.insert(UUID.randomUUID(), request, caller.username());
        // the job as the API answers it: never the file's path on the server
        audit.record(AuditEntry.created("report.request", "report", job.id().toString(), ReportJobResponse.of(job)));
        return job;
    }

    @Transactional(readOnly = true)
    ReportJob get(UUID id, Caller caller) {
        return jobs.find(id, visible(caller))
            .orElseThrow(() -> ApiException.notFound(ReportProblems.REPORT_NOT_FOUND, "No report with id " + id));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<ReportJob> page(ReportJobFilter filter, Caller caller, int page, int size) {
        return jobs.page(filter, visible(caller), page, size);
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

    private static ApiException invalid(String code, String field, String message) {
        ApiException ex = ApiException.badRequest(code, "Invalid request: " + field + " " + message);
        ex.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ex;
    }

}
