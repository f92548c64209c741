package in.mdm.optimization.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    private static TransferPlan map(ResultSet rs, int row) throws SQLException {
        return new TransferPlan(rs.getObject("id", UUID.class), rs.getString("from_udise_code"),
                rs.getString("to_udise_code"), Commodity.valueOf(rs.getString("commodity")),
                rs.getBigDecimal("quantity_kg"), TransferStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("decided_at")),
                rs.getString("decided_by"), rs.getString("decision_note"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
