package in.mdm.auth.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/auth/audit")
class AuditController {

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The audit trail, newest first (ADMIN). */
    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    PageResponse<AuditEntryResponse> list(
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9._@-]{1,254}", message = "must be a username") String username,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @Pattern(regexp = "SUCCESS|FAILURE", message = "must be SUCCESS or FAILURE") String outcome,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PagedQuery.selectUnscoped(jdbc, "id, occurred_at, user_id, username, action, outcome, address, detail", """
                audit_events
                where (cast(:userId as uuid) is null or user_id = :userId)
                  and (cast(:username as varchar) is null or username = :username)
                  and (cast(:action as varchar) is null or action = :action)
                  and (cast(:outcome as varchar) is null or outcome = :outcome)""")
                .param("userId", userId)
                .param("username", username)
                .param("action", action == null ? null : action.name())
                .param("outcome", outcome)
                .orderBy("occurred_at desc, id desc")
                .fetch(page, size, AuditController::map);
    }

    private static AuditEntryResponse map(ResultSet rs, int row) throws SQLException {
        return new AuditEntryResponse(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("user_id", UUID.class), rs.getString("username"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("outcome"), rs.getString("address"), rs.getString("detail"));
    }
}
