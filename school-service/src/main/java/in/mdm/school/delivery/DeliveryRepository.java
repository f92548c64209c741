package in.mdm.school.delivery;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code deliveries} table, and where the school or kitchen a delivery goes to lies.
 */
@Repository
class DeliveryRepository {

    /** The district and block of a school or kitchen. */
    record Place(String districtCode, String blockCode) {
    }

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Place> findKitchenPlace(UUID kitchenId) {
        return jdbc.sql("select district_code, block_code from kitchens where id = :id")
            .param("id", kitchenId)
            .query((rs, i) -> new Place(rs.getString(1), rs.getString(2)))
            .optional();
    }

    /** Where a kitchen that must exist lies. */
    Place kitchenPlace(UUID kitchenId) {
        return jdbc.sql("select district_code, block_code from kitchens where id = :k")
            .param("k", kitchenId)
            .query((rs, i) -> new Place(rs.getString(1), rs.getString(2)))
            .single();
    }

    /** Where a school that must exist lies. */
    Place schoolPlace(String udiseCode) {
        return jdbc.sql("select district_code, block_code from schools where udise_code = :u")
            .param("u", udiseCode)
            .query((rs, i) -> new Place(rs.getString(1), rs.getString(2)))
            .single();
    }

    /**
     * Inserts a SCHEDULED delivery; nothing when one with the same supplier and client
     * reference exists (a concurrent request with the same reference waits for the
     * other's commit, then inserts nothing). @return rows inserted
     */
    int insert(UUID id, DeliveryRequest r, String createdBy) {
        return jdbc
            .sql("""
                    insert into deliveries (id, supplier_id, udise_code, kitchen_id, commodity, quantity_kg, promised_date, status, created_by, client_reference)
                    values (:id, :supplier, :udise, :kitchen, :commodity, :qty, :promised, :status, :by, :ref)
                    on conflict do nothing""")
            .param("status", DeliveryStatus.SCHEDULED.name())
            .param("id", id)
            .param("supplier", r.supplierId())
            .param("udise", r.udiseCode())
            .param("kitchen", r.kitchenId())
            .param("commodity", r.commodity().name())
            .param("qty", r.quantityKg())
            .param("promised", r.promisedDate())
            .param("by", createdBy)
            .param("ref", r.clientReference())
            .update();
    }

    Optional<DeliveryResponse> findByReference(UUID supplier, String reference) {
        return jdbc.sql("select * from deliveries where supplier_id = :s and client_reference = :r")
            .param("s", supplier)
            .param("r", reference)
            .query(DeliveryRepository::map)
            .optional();
    }

    /** Records the receipt of a delivery not yet received; @return rows changed */
    int receive(UUID id, LocalDate receivedOn, BigDecimal receivedKg) {
        return jdbc.sql("""
                update deliveries set status = :received, received_on = :on, received_kg = :kg
                where id = :id and status <> :received""")
            .param("id", id)
            .param("received", DeliveryStatus.RECEIVED.name())
            .param("on", receivedOn)
            .param("kg", receivedKg)
            .update();
    }

    /**
     * Marks the scheduled deliveries promised before {@code today} and not yet notified
     * DELAYED; @return them
     */
    List<DeliveryResponse> markDelayed(LocalDate today) {
        return jdbc.sql("""
                update deliveries set status = :delayed, delay_notified = true
                where status = :scheduled and promised_date < :today and not delay_notified
                returning *""")
            .param("delayed", DeliveryStatus.DELAYED.name())
            .param("scheduled", DeliveryStatus.SCHEDULED.name())
            .param("today", today)
            .query(DeliveryRepository::map)
            .list();
    }

    String supplierCode(UUID supplierId) {
        return jdbc.sql("select code from suppliers where id = :id")
            .param("id", supplierId)
            .query(String.class)
            .single();
    }

    Optional<DeliveryResponse> find(UUID id) {
        return jdbc.sql("select * from deliveries where id = :id")
            .param("id", id)
            .query(DeliveryRepository::map)
            .optional();
    }

    static DeliveryResponse map(ResultSet rs, int row) throws SQLException {
        return new DeliveryResponse(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
                rs.getString("udise_code"), rs.getObject("kitchen_id", UUID.class), rs.getString("commodity"),
                rs.getBigDecimal("quantity_kg"), rs.getObject("promised_date", LocalDate.class),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getObject("received_on", LocalDate.class),
                rs.getBigDecimal("received_kg"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("client_reference"));
    }

}
