package in.mdm.platform.audit;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.PlatformProblems;

/**
 * The service's audit trail for ADMINs: a search, newest first, and a verification of the
 * chain. Served under {@code mdm.audit.path}, the service's own gateway prefix followed
 * by {@code /audit} (school-service: {@code /api/v1/schools/audit}).
 */
@RestController
@RequestMapping("${mdm.audit.path}")
class AuditController {

    private final AuditTrail trail;

    private final AuditChain chain;

    AuditController(AuditTrail trail, AuditChain chain) {
        this.trail = trail;
        this.chain = chain;
    }

    /**
     * @param from from this time on, ISO 8601 ({@code 2026-12-05T00:00:00+05:30})
     * @param to before this time
     */
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    PageResponse<AuditRecordResponse> search(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest(PlatformProblems.INVALID, "from: must be before to");
        }
        return trail.search(new AuditQuery(actor, action, entityType, entityId, from, to), page, size);
    }

    @GetMapping("/verify")
    @PreAuthorize("hasRole('ADMIN')")
    AuditVerification verify() {
        return chain.verify();
    }

}
