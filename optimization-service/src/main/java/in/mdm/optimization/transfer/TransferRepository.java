package in.mdm.optimization.transfer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class TransferRepository {

    /**
     * The sending and the receiving school, each placed through the platform's school
     * locations.
     */
    static final JurisdictionScope.Columns FROM = JurisdictionScope.Columns.school("from_udise_code");
    static final JurisdictionScope.Columns TO = JurisdictionScope.Columns.school("to_udise_code");

    private static final String FILTERS = """
            (cast(:status as varchar) is null or status = :status)
              and (cast(:commodity as varchar) is null or commodity = :commodity)
              and (cast(:udise as varchar) is null or from_udise_code = :udise or to_udise_code = :udise)""";

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    TransferRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    TransferPlan insert(UUID id, ProposeTransferRequest r) {
        return jdbc.sql("""
                insert into transfer_plans (id, from_udise_code, to_udise_code, commodity, quantity_kg, reason)
                values (:id, :from, :to, :commodity, :quantity, :reason)
                returning *""")
            .param("id", id)
            .param("from", r.fromUdiseCode())
            .param("to", r.toUdiseCode())
            .param("commodity", r.commodity().name())
            .param("quantity", r.quantityKg())
            .param("reason", r.reason().strip())
            .query(TransferRepository::map)
            .single();
    }

    Optional<TransferPlan> find(UUID id, JurisdictionScope.Condition visible) {
        return jdbc.sql("select * from transfer_plans where id = :id and " + visible.sql())
            .param("id", id)
            .params(visible.params())
            .query(TransferRepository::map)
            .optional();
    }

    /** Newest first. */
    PageResponse<TransferPlan> page(TransferFilter filter, JurisdictionScope.Condition visible, int page, int size) {
        return PagedQuery.select(jdbc, "*", "transfer_plans", visible)
            .where(FILTERS)
            .param("status", filter.status())
            .param("commodity", filter.commodity())
            .param("udise", filter.udiseCode())
            .orderBy("created_at desc, id")
            .fetch(page, size, TransferRepository::map);
    }

    /**
     * A recommendation of the optimizer, unless the route already waits for a decision.
     */
    record Recommendation(UUID id, UUID runId, String districtCode, String fromUdiseCode, String toUdiseCode,
            Commodity commodity, BigDecimal quantityKg, String reason, BigDecimal distanceKm, BigDecimal costInr,
            int childrenDays, BigDecimal childrenDaysPerInr, BigDecimal receiverRisk) {
    }

    int insertRecommendations(List<Recommendation> recommendations, Instant now) {
        int[][] counts = template.batchUpdate("""
                insert into transfer_plans (id, from_udise_code, to_udise_code, commodity, quantity_kg, reason, source,
                                            run_id, district_code, distance_km, cost_inr, children_days,
                                            children_days_per_inr, receiver_risk, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'OPTIMIZER', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (from_udise_code, to_udise_code, commodity) where status = 'PROPOSED' do nothing""",
                recommendations, 1000, (ps, r) -> {
                    ps.setObject(1, r.id());
                    ps.setString(2, r.fromUdiseCode());
                    ps.setString(3, r.toUdiseCode());
                    ps.setString(4, r.commodity().name());
                    ps.setBigDecimal(5, r.quantityKg());
                    ps.setString(6, r.reason());
                    ps.setObject(7, r.runId());
                    ps.setString(8, r.districtCode());
                    ps.setBigDecimal(9, r.distanceKm());
                    ps.setBigDecimal(10, r.costInr());
                    ps.setInt(11, r.childrenDays());
                    ps.setBigDecimal(12, r.childrenDaysPerInr());
                    ps.setBigDecimal(13, r.receiverRisk());
                    ps.setTimestamp(14, Timestamp.from(now));
                    ps.setTimestamp(15, Timestamp.from(now));
                });
        int inserted = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                inserted += Math.max(0, count);
            }
        }
        return inserted;
    }

    /**
     * Drops the recommendations of earlier runs of the same scope still waiting for a
     * decision (a new run replaces them).
     */
    int dropPending(String districtCode, String blockCode, List<String> commodities) {
        return jdbc.sql("""
                delete from transfer_plans
                 where status = 'PROPOSED' and source = 'OPTIMIZER' and commodity in (:commodities)
                   and run_id in (select id from optimization_runs
                                   where district_code = :district
                                     and coalesce(block_code, '') = coalesce(cast(:block as varchar), ''))""")
            .param("commodities", commodities)
            .param("district", districtCode)
            .param("block", blockCode)
            .update();
    }

    /** Locks a plan for a decision. */
    Optional<TransferPlan> lock(UUID id, JurisdictionScope.Condition visible) {
        return jdbc.sql("select * from transfer_plans where id = :id and " + visible.sql() + " for update")
            .param("id", id)
            .params(visible.params())
            .query(TransferRepository::map)
            .optional();
    }

    TransferPlan decide(UUID id, TransferStatus status, String by, String note, Instant at) {
        return jdbc.sql("""
                update transfer_plans
                   set status = :status, decided_by = :by, decided_at = :at, decision_note = :note, updated_at = :at
                 where id = :id
                returning *""")
            .param("id", id)
            .param("status", status.name())
            .param("by", by)
            .param("note", note)
            .param("at", Timestamp.from(at))
            .query(TransferRepository::map)
            .single();
    }

    /**
     * An approved plan's outcome from school-service; false when it is not (or no longer)
     * approved.
     */
    boolean outcome(UUID id, TransferStatus status, String note, Instant at) {
        return jdbc.sql("""
                update transfer_plans
                   set status = :status, outcome_at = :at, outcome_note = :note, updated_at = now()
                 where id = :id and status = 'APPROVED'""")
            .param("id", id)
            .param("status", status.name())
            .param("note", note)
            .param("at", Timestamp.from(at))
            .update() == 1;
    }

    /** Recommendations of the optimizer, newest first, the best value for money first. */
    PageResponse<TransferPlan> recommendations(RecommendationFilter filter, JurisdictionScope.Condition visible,
            int page, int size) {
        return PagedQuery.select(jdbc, "*", "transfer_plans", visible)
            .where("""
                    source = 'OPTIMIZER'
                      and (cast(:status as varchar) is null or status = :status)
                      and (cast(:commodity as varchar) is null or commodity = :commodity)
                      and (cast(:district as varchar) is null or district_code = :district)
                      and (cast(:run as uuid) is null or run_id = :run)""")
            .param("status", filter.status() == null ? null : filter.status().name())
            .param("commodity", filter.commodity() == null ? null : filter.commodity().name())
            .param("district", filter.districtCode())
            .param("run", filter.runId())
            .orderBy("created_at desc, children_days_per_inr desc nulls last, id")
            .fetch(page, size, TransferRepository::map);
    }

    private static TransferPlan map(ResultSet rs, int row) throws SQLException {
        return new TransferPlan(rs.getObject("id", UUID.class), rs.getString("from_udise_code"),
                rs.getString("to_udise_code"), Commodity.valueOf(rs.getString("commodity")),
                rs.getBigDecimal("quantity_kg"), TransferStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("decided_at")),
                rs.getString("decided_by"), rs.getString("decision_note"), rs.getString("source"),
                rs.getObject("run_id", UUID.class), rs.getString("district_code"), rs.getBigDecimal("distance_km"),
                rs.getBigDecimal("cost_inr"), (Integer) rs.getObject("children_days"),
                rs.getBigDecimal("children_days_per_inr"), rs.getBigDecimal("receiver_risk"),
                instant(rs.getTimestamp("outcome_at")), rs.getString("outcome_note"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
