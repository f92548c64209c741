package in.mdm.school.stock;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code stock_transfers} table: every transfer, executed or refused, approved or
 * entered by hand.
 */
@Repository
class StockTransferRepository {

    private final JdbcClient jdbc;

    StockTransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return whether it was inserted: {@code false} when a transfer with this id, or the
     * same client reference of the same person, is there (a concurrent insert with it
     * waits for the other's commit)
     */
    boolean insert(UUID transferId, TransferService.Site from, TransferService.Site to, String commodity,
            BigDecimal quantityKg, TransferStatus status, String refusal, String by, TransferSource source, String note,
            String clientReference) {
        return jdbc
            .sql("""
                    insert into stock_transfers (transfer_id, from_udise, from_kitchen, to_udise, to_kitchen, commodity, quantity_kg,
                                                 status, reason, approved_by, source, note, client_reference)
                    values (:id, :fromUdise, :fromKitchen, :toUdise, :toKitchen, :commodity, :qty, :status, :reason, :by, :source,
                            :note, :ref)
                    on conflict do nothing""")
            .param("id", transferId)
            .param("fromUdise", from.udiseCode())
            .param("fromKitchen", from.kitchenId())
            .param("toUdise", to.udiseCode())
            .param("toKitchen", to.kitchenId())
            .param("commodity", commodity)
            .param("qty", quantityKg == null ? BigDecimal.ZERO : quantityKg)
            .param("status", status.name())
            .param("reason", refusal)
            .param("by", by)
            .param("source", source.name())
            .param("note", note)
            .param("ref", clientReference)
            .update() == 1;
    }

    boolean exists(UUID transferId) {
        return jdbc.sql("select exists (select 1 from stock_transfers where transfer_id = :id)")
            .param("id", transferId)
            .query(Boolean.class)
            .single();
    }

    void delete(UUID transferId) {
        jdbc.sql("delete from stock_transfers where transfer_id = :id").param("id", transferId).update();
    }

    Optional<TransferResponse> findByReference(String by, String reference) {
        return jdbc.sql("select * from stock_transfers where approved_by = :by and client_reference = :ref")
            .param("by", by)
            .param("ref", reference)
            .query(StockTransferRepository::map)
            .optional();
    }

    Optional<TransferResponse> find(UUID transferId) {
        return jdbc.sql("select * from stock_transfers where transfer_id = :id")
            .param("id", transferId)
            .query(StockTransferRepository::map)
            .optional();
    }

    private static TransferResponse map(ResultSet rs, int row) throws SQLException {
        return new TransferResponse(rs.getObject("transfer_id", UUID.class), trim(rs.getString("from_udise")),
                rs.getObject("from_kitchen", UUID.class), trim(rs.getString("to_udise")),
                rs.getObject("to_kitchen", UUID.class), rs.getString("commodity"), rs.getBigDecimal("quantity_kg"),
                TransferStatus.valueOf(rs.getString("status")), TransferSource.valueOf(rs.getString("source")),
                rs.getString("note"), rs.getString("reason"), rs.getString("client_reference"),
                rs.getString("approved_by"), rs.getTimestamp("processed_at").toInstant());
    }

    private static String trim(String text) {
        return text == null ? null : text.strip();
    }

}
