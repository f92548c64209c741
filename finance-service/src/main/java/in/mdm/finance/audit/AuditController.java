package in.mdm.finance.audit;

import java.time.Instant;

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
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/** The audit trail of finance changes inside the caller's jurisdiction, newest first. */
@RestController
@RequestMapping("/api/v1/financial/audit")
class AuditController {

    record AuditEntryResponse(long id, Instant at, String actor, String action, String entity, String entityId,
            String districtCode, String blockCode, String udiseCode, String before, String after, String reason) {
    }

    /** An entry lies where the changed thing is. */
    private static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private final JdbcClient jdbc;

    AuditController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @Transactional(readOnly = true)
    PageResponse<AuditEntryResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[a-z-]{1,40}", message = "must be an entity name") String entity,
            @RequestParam(required = false) @Pattern(regexp = "[0-9A-Za-z-]{1,60}", message = "must be an id") String entityId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size,
            Caller caller) {
        return PagedQuery.select(jdbc, "id, at, actor, action, entity, entity_id, district_code, block_code, udise_code, "
                        + "cast(before as text) as before, cast(after as text) as after, reason", "audit_log",
                        JurisdictionScope.of(caller).where(PLACE))
                .where("""
                        (cast(:entity as varchar) is null or entity = :entity)
                          and (cast(:entityId as varchar) is null or entity_id = :entityId)""")
                .param("entity", entity).param("entityId", entityId)
                .orderBy("id desc")
                .fetch(page, size, (rs, row) -> new AuditEntryResponse(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                        rs.getString("district_code"), rs.getString("block_code"), rs.getString("udise_code"),
                        rs.getString("before"), rs.getString("after"), rs.getString("reason")));
    }
}
