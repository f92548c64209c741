package in.mdm.finance.release;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class ReleaseRepository {

    /** A row lies where its district, block and school are. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns.located("district_code", "block_code",
            "udise_code");

    private final JdbcClient jdbc;

    ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The sum of the allocation's releases that are pending or released (what is
     * committed against it).
     */
    BigDecimal committed(UUID allocationId) {
        return jdbc.sql(
                "select coalesce(sum(amount), 0.00) from fund_releases where allocation_id = :id and status <> 'REJECTED'")
            .param("id", allocationId)
            .query(BigDecimal.class)
            .single();
    }

    boolean trancheTaken(UUID allocationId, int quarter) {
        return jdbc.sql("""
                select count(*) from fund_releases
                where allocation_id = :id and kind = 'QUARTERLY' and quarter = :quarter and status <> 'REJECTED'""")
            .param("id", allocationId)
            .param("quarter", quarter)
            .query(Long.class)
            .single() > 0;
    }

    void insert(FundRelease r) {
        jdbc.sql(
                """
                        insert into fund_releases (id, allocation_id, udise_code, academic_year, district_code, block_code, kind,
                                                   quarter, tranche_amount, release_percent, amount, status, pending_level, reason,
                                                   requested_by, requested_at)
                        values (:id, :allocation, :udise, :year, :district, :block, :kind, :quarter, :tranche, :percent, :amount,
                                :status, :pendingLevel, :reason, :requestedBy, :requestedAt)""")
            .param("id", r.id())
            .param("allocation", r.allocationId())
            .param("udise", r.udiseCode())
            .param("year", r.academicYear())
            .param("district", r.districtCode())
            .param("block", r.blockCode())
            .param("kind", r.kind().name())
            .param("quarter", r.quarter())
            .param("tranche", r.trancheAmount())
            .param("percent", r.releasePercent())
            .param("amount", r.amount())
            .param("status", r.status().name())
            .param("pendingLevel", name(r.pendingLevel()))
            .param("reason", r.reason())
            .param("requestedBy", r.requestedBy())
            .param("requestedAt", Timestamp.from(r.requestedAt()))
            .update();
    }

    Optional<FundRelease> find(UUID id, JurisdictionScope.Condition within, boolean lock) {
        return jdbc.sql("select * from fund_releases where id = :id and " + within.sql() + (lock ? " for update" : ""))
            .param("id", id)
            .params(within.params())
            .query(ReleaseRepository::map)
            .optional()
            .map(r -> r.withApprovals(approvals(id)));
    }

    List<FundRelease.Approval> approvals(UUID releaseId) {
        return jdbc.sql("""
                select level, approved_by, approved_at from fund_release_approvals where release_id = :id
                order by approved_at, case level when 'DISTRICT' then 1 when 'BLOCK' then 2 else 3 end""")
            .param("id", releaseId)
            .query((rs, row) -> new FundRelease.Approval(ApprovalLevel.valueOf(rs.getString("level")),
                    rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant()))
            .list();
    }

    /**
     * Records a level's approval; the release then waits for the next level's, if there
     * is one.
     */
    void approve(UUID releaseId, ApprovalLevel level, String by, Instant at) {
        jdbc.sql(
                "insert into fund_release_approvals (release_id, level, approved_by, approved_at) values (:id, :level, :by, :at)")
            .param("id", releaseId)
            .param("level", level.name())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
        level.next()
            .ifPresent(next -> jdbc.sql("update fund_releases set pending_level = :next where id = :id")
                .param("id", releaseId)
                .param("next", next.name())
                .update());
    }

    void markReleased(UUID releaseId, Instant at) {
        jdbc.sql("""
                update fund_releases set status = 'RELEASED', pending_level = null, decided_at = :at, released_at = :at
                where id = :id""").param("id", releaseId).param("at", Timestamp.from(at)).update();
    }

    void reject(UUID releaseId, String by, String reason, Instant at) {
        jdbc.sql("""
                update fund_releases set status = 'REJECTED', pending_level = null, rejected_by = :by,
                                         rejection_reason = :reason, decided_at = :at
                where id = :id""")
            .param("id", releaseId)
            .param("by", by)
            .param("reason", reason)
            .param("at", Timestamp.from(at))
            .update();
    }

    /**
     * Marks a released fund credited by the treasury; false when it was credited already.
     */
    boolean markCredited(UUID releaseId, String reference, Instant at) {
        return jdbc.sql("""
                update fund_releases set credited_at = :at, treasury_reference = :reference
                where id = :id and status = 'RELEASED' and credited_at is null""")
            .param("id", releaseId)
            .param("reference", reference)
            .param("at", Timestamp.from(at))
            .update() == 1;
    }

    PageResponse<FundRelease> page(UUID allocationId, String udiseCode, ReleaseStatus status,
            ApprovalLevel pendingLevel, JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery.select(jdbc, "*", "fund_releases", within)
            .where("""
                    (cast(:allocation as uuid) is null or allocation_id = :allocation)
                      and (cast(:udise as varchar) is null or udise_code = :udise)
                      and (cast(:status as varchar) is null or status = :status)
                      and (cast(:pendingLevel as varchar) is null or pending_level = :pendingLevel)""")
            .param("allocation", allocationId)
            .param("udise", udiseCode)
            .param("status", name(status))
            .param("pendingLevel", name(pendingLevel))
            .orderBy("requested_at desc, id")
            .fetch(page, size, ReleaseRepository::map);
    }

    List<PendingReleases> pending(JurisdictionScope.Condition within) {
        return jdbc
            .sql("""
                    select pending_level, count(*) as releases, coalesce(sum(amount), 0.00) as amount,
                           min(requested_at) as oldest
                    from fund_releases where status = 'PENDING' and %s
                    group by pending_level
                    order by case pending_level when 'DISTRICT' then 1 when 'BLOCK' then 2 else 3 end"""
                .formatted(within.sql()))
            .params(within.params())
            .query((rs, row) -> new PendingReleases(ApprovalLevel.valueOf(rs.getString("pending_level")),
                    rs.getLong("releases"), rs.getBigDecimal("amount"), rs.getTimestamp("oldest").toInstant()))
            .list();
    }

    private static FundRelease map(ResultSet rs, int row) throws SQLException {
        String pendingLevel = rs.getString("pending_level");
        return new FundRelease(rs.getObject("id", UUID.class), rs.getObject("allocation_id", UUID.class),
                rs.getString("udise_code"), rs.getString("academic_year"), rs.getString("district_code"),
                rs.getString("block_code"), ReleaseKind.valueOf(rs.getString("kind")),
                (Integer) rs.getObject("quarter", Integer.class), rs.getBigDecimal("tranche_amount"),
                rs.getBigDecimal("release_percent"), rs.getBigDecimal("amount"),
                ReleaseStatus.valueOf(rs.getString("status")),
                pendingLevel == null ? null : ApprovalLevel.valueOf(pendingLevel), rs.getString("reason"),
                rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("rejected_by"),
                rs.getString("rejection_reason"), instant(rs, "decided_at"), instant(rs, "released_at"),
                instant(rs, "credited_at"), rs.getString("treasury_reference"), List.of());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

}
