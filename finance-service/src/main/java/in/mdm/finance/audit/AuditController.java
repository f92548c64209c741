package in.mdm.finance.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

/** The audit trail of finance changes inside the caller's jurisdiction, newest first. */
@RestController
@RequestMapping("/api/v1/financial/audit")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    PageResponse<AuditEntryResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[a-z-]{1,40}",
                    message = "must be an entity name") String entity,
            @RequestParam(required = false) @Pattern(regexp = "[0-9A-Za-z-]{1,60}",
                    message = "must be an id") String entityId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return audit.entries(entity, entityId, caller, page, size).map(AuditEntryResponse::of);
    }

}
