package in.mdm.school.delivery;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** The suppliers among {@code ids} that exist. */
    Set<UUID> existingSuppliers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(
                jdbc.sql("select id from suppliers where id in (:ids)").param("ids", ids).query(UUID.class).list());
    }

    /** Where the schools among {@code udiseCodes} that exist lie, by UDISE code. */
    Map<String, Place> schoolPlaces(Collection<String> udiseCodes) {
        Map<String, Place> places = new HashMap<>();
        if (!udiseCodes.isEmpty()) {
            jdbc.sql("select udise_code, district_code, block_code from schools where udise_code in (:u)")
                .param("u", udiseCodes)
                .query((rs, i) -> places.put(rs.getString(1), new Place(rs.getString(2), rs.getString(3))))
                .list();
        }
        return places;
    }

    /** Where the kitchens among {@code ids} that exist lie, by id. */
    Map<UUID, Place> kitchenPlaces(Collection<UUID> ids) {
        Map<UUID, Place> places = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, district_code, block_code from kitchens where id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> places.put(rs.getObject(1, UUID.class), new Place(rs.getString(2), rs.getString(3))))
                .list();
        }
        return places;
    }

    /**
     * The deliveries stored under any of these client references of any of these
     * suppliers (a superset of the pairs asked for: the caller matches the pairs).
     */
    List<DeliveryResponse> findByReferences(Collection<UUID> suppliers, Collection<String> references) {
        if (suppliers.isEmpty() || references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from deliveries where supplier_id in (:s) and client_reference in (:r)")
            .param("s", suppliers)
            .param("r", references)
            .query(DeliveryRepository::map)
            .list();
    }

    /**
     * Inserts a SCHEDULED delivery as {@link #insert} does; @return it, or empty when one
     * with the same supplier and client reference exists
     */
    Optional<DeliveryResponse> insertReturning(UUID id, DeliveryRequest r, String createdBy) {
        return jdbc
            .sql("""
                    insert into deliveries (id, supplier_id, udise_code, kitchen_id, commodity, quantity_kg, promised_date, status, created_by, client_reference)
                    values (:id, :supplier, :udise, :kitchen, :commodity, :qty, :promised, :status, :by, :ref)
                    on conflict do nothing
                    returning *""")
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
            .query(DeliveryRepository::map)
            .optional();
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
     * Records the receipt of a delivery not yet received; @return the received delivery,
     * or empty when it was received already
     */
    Optional<DeliveryResponse> receiveReturning(UUID id, LocalDate receivedOn, BigDecimal receivedKg) {
        return jdbc.sql("""
                update deliveries set status = :received, received_on = :on, received_kg = :kg
                where id = :id and status <> :received
                returning *""")
            .param("id", id)
            .param("received", DeliveryStatus.RECEIVED.name())
            .param("on", receivedOn)
            .param("kg", receivedKg)
            .query(DeliveryRepository::map)
            .optional();
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

    /** {@link #markDelayed(LocalDate)} for the given deliveries only. */
    List<DeliveryResponse> markDelayed(LocalDate today, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                update deliveries set status = :delayed, delay_notified = true
                where id = any(cast(:ids as uuid[])) and status = :scheduled and promised_date < :today
                  and not delay_notified
                returning *""")
            .param("delayed", DeliveryStatus.DELAYED.name())
            .param("scheduled", DeliveryStatus.SCHEDULED.name())
            .param("today", today)
            .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new))
            .query(DeliveryRepository::map)
            .list();
    }

    /** The codes of the suppliers, by id. */
    Map<UUID, String> supplierCodes(Collection<UUID> supplierIds) {
        Map<UUID, String> codes = new HashMap<>();
        jdbc.sql("select id, code from suppliers where id = any(cast(:ids as uuid[]))")
            .param("ids", supplierIds.stream().map(UUID::toString).toArray(String[]::new))
            .query(rs -> {
                codes.put(rs.getObject(1, UUID.class), rs.getString(2));
            });
        return codes;
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
