package in.mdm.auth.audit;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/auth/audit")
class AuditController {

    private final AuditRepository audit;

    AuditController(AuditRepository audit) {
        this.audit = audit;
    }

    /** The audit trail, newest first (ADMIN). */
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    PageResponse<AuditEntryResponse> list(@RequestParam(required = false) UUID userId,
            @RequestParam(required = false) @Pattern(
                    regexp = "[a-z0-9._@-]{1,254}", message = "must be a username") String username,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @Pattern(regexp = "SUCCESS|FAILURE",
                    message = "must be SUCCESS or FAILURE") String outcome,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return audit.page(userId, username, action, outcome, page, size);
    }

}
