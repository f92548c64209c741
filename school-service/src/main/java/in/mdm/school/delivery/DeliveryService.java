package in.mdm.school.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.school.stock.Commodity;
import in.mdm.school.stock.KitchenStockService;
import in.mdm.school.stock.StockService;
import in.mdm.school.supply.SupplyService;

/**
 * Deliveries from suppliers: scheduled, received (a school's receipt goes into its stock ledger), and delayed
 * when past the promised date and not received (DeliveryDelayed, once per delivery).
 */
@Service
public class DeliveryService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final JdbcClient jdbc;
    private final SupplyService supply;
    private final StockService stock;
    private final KitchenStockService kitchenStock;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    DeliveryService(JdbcClient jdbc, SupplyService supply, StockService stock, KitchenStockService kitchenStock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.supply = supply;
        this.stock = stock;
        this.kitchenStock = kitchenStock;
        this.events = events;
    }

    /** A delivery scheduled by a request: {@code created} is false when its client reference found an earlier one. */
    record Scheduled(DeliveryResponse delivery, boolean created) {
    }

    /**
     * Schedules a delivery. With a {@code clientReference}, the same request again (same supplier and reference,
     * same target, commodity, quantity and promised date) answers the delivery it scheduled the first time; the
     * same reference with other content is a 409 {@code delivery.client-reference-conflict}.
     */
    @Transactional
    Scheduled schedule(DeliveryRequest r, Caller caller) {
        if ((r.udiseCode() == null) == (r.kitchenId() == null)) {
            throw ApiException.badRequest("delivery.one-target", "udiseCode, kitchenId: give exactly one of them");
        }
        if (!supply.supplierExists(r.supplierId())) {
            throw ApiException.badRequest("delivery.unknown-supplier", "supplierId: no supplier " + r.supplierId());
        }
        if (r.udiseCode() != null) {
            stock.requireSchool(r.udiseCode(), caller);
        }
        else {
            String[] place = jdbc.sql("select district_code, block_code from kitchens where id = :id").param("id", r.kitchenId())
                    .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).optional().orElse(null);
            if (place == null || !caller.covers(place[0], place[1], null)) {
                throw ApiException.notFound("kitchen.not-found", "No kitchen " + r.kitchenId());
            }
        }
        if (r.clientReference() != null) {
            Optional<DeliveryResponse> earlier = findByReference(r.supplierId(), r.clientReference());
            if (earlier.isPresent()) {
                return new Scheduled(sameOrConflict(earlier.get(), r), false);
            }
        }
        UUID id = UUID.randomUUID();
        // a concurrent request with the same reference waits here for the other's commit, then inserts nothing
        int inserted = jdbc.sql("""
                insert into deliveries (id, supplier_id, udise_code, kitchen_id, commodity, quantity_kg, promised_date, status, created_by, client_reference)
                values (:id, :supplier, :udise, :kitchen, :commodity, :qty, :promised, 'SCHEDULED', :by, :ref)
                on conflict do nothing""")
                .param("id", id).param("supplier", r.supplierId()).param("udise", r.udiseCode()).param("kitchen", r.kitchenId())
                .param("commodity", r.commodity().name()).param("qty", r.quantityKg()).param("promised", r.promisedDate())
                .param("by", caller.username()).param("ref", r.clientReference()).update();
        if (inserted == 0) {
            return new Scheduled(sameOrConflict(findByReference(r.supplierId(), r.clientReference()).orElseThrow(), r), false);
        }
        return new Scheduled(find(id).orElseThrow(), true);
    }

    private static DeliveryResponse sameOrConflict(DeliveryResponse earlier, DeliveryRequest r) {
        boolean same = Objects.equals(earlier.udiseCode(), r.udiseCode())
                && Objects.equals(earlier.kitchenId(), r.kitchenId())
                && earlier.commodity().equals(r.commodity().name())
                && earlier.quantityKg().compareTo(r.quantityKg()) == 0
                && earlier.promisedDate().equals(r.promisedDate());
        if (!same) {
            throw ApiException.conflict("delivery.client-reference-conflict", "clientReference: " + r.clientReference()
                    + " was already used for another delivery of this supplier");
        }
        return earlier;
    }

    private Optional<DeliveryResponse> findByReference(UUID supplier, String reference) {
        return jdbc.sql("select * from deliveries where supplier_id = :s and client_reference = :r")
                .param("s", supplier).param("r", reference).query(DeliveryService::map).optional();
    }

    /** Records what arrived; a school's receipt enters its stock. A second receipt is a conflict. */
    @Transactional
    DeliveryResponse receive(UUID id, ReceiptRequest r, Caller caller) {
        DeliveryResponse d = get(id, caller);
        if (d.status().equals("RECEIVED")) {
            throw ApiException.conflict("delivery.already-received", "Delivery " + id + " was received on " + d.receivedOn());
        }
        if (r.receivedOn().isAfter(LocalDate.now(INDIA))) {
            throw ApiException.badRequest("delivery.future-receipt", "receivedOn: after today");
        }
        int changed = jdbc.sql("""
                update deliveries set status = 'RECEIVED', received_on = :on, received_kg = :kg
                where id = :id and status <> 'RECEIVED'""")
                .param("id", id).param("on", r.receivedOn()).param("kg", r.quantityKg()).update();
        if (changed == 0) {
            throw ApiException.conflict("delivery.already-received", "Delivery " + id + " was received already");
        }
        if (d.udiseCode() != null && r.quantityKg().signum() > 0) {
            stock.post(d.udiseCode(), Commodity.valueOf(d.commodity()), "RECEIPT", r.quantityKg(), r.receivedOn(),
                    "delivery from supplier " + d.supplierId(), "delivery:" + id, caller.username());
        }
        else if (d.kitchenId() != null && r.quantityKg().signum() > 0) {
            kitchenStock.post(d.kitchenId(), Commodity.valueOf(d.commodity()), "RECEIPT", r.quantityKg(), r.receivedOn(),
                    "delivery from supplier " + d.supplierId(), "delivery:" + id, caller.username());
        }
        return find(id).orElseThrow();
    }

    DeliveryResponse get(UUID id, Caller caller) {
        DeliveryResponse d = find(id).orElseThrow(() -> ApiException.notFound("delivery.not-found", "No delivery " + id));
        String[] place = d.udiseCode() != null
                ? jdbc.sql("select district_code, block_code from schools where udise_code = :u").param("u", d.udiseCode())
                        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single()
                : jdbc.sql("select district_code, block_code from kitchens where id = :k").param("k", d.kitchenId())
                        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        if (!caller.covers(place[0], place[1], d.udiseCode())) {
            throw ApiException.notFound("delivery.not-found", "No delivery " + id);
        }
        return d;
    }

    /** Marks deliveries past their promise and not received as DELAYED, publishing DeliveryDelayed once each. */
    @Transactional
    public int flagDelayed(LocalDate today) {
        List<DeliveryResponse> late = jdbc.sql("""
                update deliveries set status = 'DELAYED', delay_notified = true
                where status = 'SCHEDULED' and promised_date < :today and not delay_notified
                returning *""")
                .param("today", today).query(DeliveryService::map).list();
        for (DeliveryResponse d : late) {
            String supplierCode = jdbc.sql("select code from suppliers where id = :id").param("id", d.supplierId())
                    .query(String.class).single();
            events.publishEvent(new DeliveryDelayed(DomainEvent.newId(), clock.instant(), d.id(),
                    d.udiseCode() != null ? d.udiseCode() : String.valueOf(d.kitchenId()), supplierCode, d.commodity(),
                    d.promisedDate(), (int) ChronoUnit.DAYS.between(d.promisedDate(), today)));
        }
        return late.size();
    }

    Optional<DeliveryResponse> find(UUID id) {
        return jdbc.sql("select * from deliveries where id = :id").param("id", id).query(DeliveryService::map).optional();
    }

    static DeliveryResponse map(ResultSet rs, int row) throws SQLException {
        return new DeliveryResponse(rs.getObject("id", UUID.class), rs.getObject("supplier_id", UUID.class),
                rs.getString("udise_code"), rs.getObject("kitchen_id", UUID.class), rs.getString("commodity"),
                rs.getBigDecimal("quantity_kg"), rs.getObject("promised_date", LocalDate.class), rs.getString("status"),
                rs.getObject("received_on", LocalDate.class), rs.getBigDecimal("received_kg"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("client_reference"));
    }
}
