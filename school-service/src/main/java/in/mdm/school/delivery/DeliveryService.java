package in.mdm.school.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;
import in.mdm.school.stock.Commodity;
import in.mdm.school.stock.KitchenStockService;
import in.mdm.school.stock.LedgerEntryKind;
import in.mdm.school.stock.StockService;
import in.mdm.school.supply.SupplyService;

/**
 * Deliveries from suppliers: scheduled, received (a school's receipt goes into its stock
 * ledger), and delayed when past the promised date and not received (DeliveryDelayed,
 * once per delivery).
 */
@Service
public class DeliveryService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final DeliveryRepository deliveries;

    private final SupplyService supply;

    private final StockService stock;

    private final KitchenStockService kitchenStock;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    DeliveryService(DeliveryRepository deliveries, SupplyService supply, StockService stock,
            KitchenStockService kitchenStock, ApplicationEventPublisher events, Clock clock) {
        this.deliveries = deliveries;
        this.supply = supply;
        this.stock = stock;
        this.kitchenStock = kitchenStock;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A delivery scheduled by a request: {@code created} is false when its client
     * reference found an earlier one.
     */
    record Scheduled(DeliveryResponse delivery, boolean created) {
    }

    /**
     * Schedules a delivery. With a {@code clientReference}, the same request again (same
     * supplier and reference, same target, commodity, quantity and promised date) answers
     * the delivery it scheduled the first time; the same reference with other content is
     * a 409 {@code delivery.client-reference-conflict}.
     */
    @Transactional
    Scheduled schedule(DeliveryRequest r, Caller caller) {
        if ((r.udiseCode() == null) == (r.kitchenId() == null)) {
            throw ApiException.badRequest(SchoolProblems.DELIVERY_ONE_TARGET,
                    "udiseCode, kitchenId: give exactly one of them");
        }
        if (!supply.supplierExists(r.supplierId())) {
            throw ApiException.badRequest(SchoolProblems.DELIVERY_UNKNOWN_SUPPLIER,
                    "supplierId: no supplier " + r.supplierId());
        }
        if (r.udiseCode() != null) {
            stock.requireSchool(r.udiseCode(), caller);
        }
        else {
            DeliveryRepository.Place place = deliveries.findKitchenPlace(r.kitchenId()).orElse(null);
            if (place == null || !caller.covers(place.districtCode(), place.blockCode(), null)) {
                throw ApiException.notFound(SchoolProblems.KITCHEN_NOT_FOUND, "No kitchen " + r.kitchenId());
            }
        }
        if (r.clientReference() != null) {
            Optional<DeliveryResponse> earlier = findByReference(r.supplierId(), r.clientReference());
            if (earlier.isPresent()) {
                return new Scheduled(sameOrConflict(earlier.get(), r), false);
            }
        }
        UUID id = UUID.randomUUID();
        // a concurrent request with the same reference waits here for the other's commit,
        // then inserts nothing
        int inserted = deliveries.insert(id, r, caller.username());
        if (inserted == 0) {
            return new Scheduled(sameOrConflict(findByReference(r.supplierId(), r.clientReference()).orElseThrow(), r),
                    false);
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
            throw ApiException.conflict(SchoolProblems.DELIVERY_CLIENT_REFERENCE_CONFLICT, "clientReference: "
                    + r.clientReference() + " was already used for another delivery of this supplier");
        }
        return earlier;
    }

    private Optional<DeliveryResponse> findByReference(UUID supplier, String reference) {
        return deliveries.findByReference(supplier, reference);
    }

    /**
     * Records what arrived; a school's receipt enters its stock. A second receipt is a
     * conflict.
     */
    @Transactional
    DeliveryResponse receive(UUID id, ReceiptRequest r, Caller caller) {
        DeliveryResponse d = get(id, caller);
        if (d.status() == DeliveryStatus.RECEIVED) {
            throw ApiException.conflict(SchoolProblems.DELIVERY_ALREADY_RECEIVED,
                    "Delivery " + id + " was received on " + d.receivedOn());
        }
        if (r.receivedOn().isAfter(LocalDate.now(clock.withZone(INDIA)))) {
            throw ApiException.badRequest(SchoolProblems.DELIVERY_FUTURE_RECEIPT, "receivedOn: after today");
        }
        int changed = deliveries.receive(id, r.receivedOn(), r.quantityKg());
        if (changed == 0) {
            throw ApiException.conflict(SchoolProblems.DELIVERY_ALREADY_RECEIVED,
                    "Delivery " + id + " was received already");
        }
        if (d.udiseCode() != null && r.quantityKg().signum() > 0) {
            stock.post(d.udiseCode(), Commodity.valueOf(d.commodity()), LedgerEntryKind.RECEIPT, r.quantityKg(),
                    r.receivedOn(), "delivery from supplier " + d.supplierId(), "delivery:" + id, caller.username());
        }
        else if (d.kitchenId() != null && r.quantityKg().signum() > 0) {
            kitchenStock.post(d.kitchenId(), Commodity.valueOf(d.commodity()), LedgerEntryKind.RECEIPT, r.quantityKg(),
                    r.receivedOn(), "delivery from supplier " + d.supplierId(), "delivery:" + id, caller.username());
        }
        return find(id).orElseThrow();
    }

    DeliveryResponse get(UUID id, Caller caller) {
        DeliveryResponse d = find(id)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.DELIVERY_NOT_FOUND, "No delivery " + id));
        DeliveryRepository.Place place = d.udiseCode() != null ? deliveries.schoolPlace(d.udiseCode())
                : deliveries.kitchenPlace(d.kitchenId());
        if (!caller.covers(place.districtCode(), place.blockCode(), d.udiseCode())) {
            throw ApiException.notFound(SchoolProblems.DELIVERY_NOT_FOUND, "No delivery " + id);
        }
        return d;
    }

    /**
     * Marks deliveries past their promise and not received as DELAYED, publishing
     * DeliveryDelayed once each.
     */
    @Transactional
    public int flagDelayed(LocalDate today) {
        List<DeliveryResponse> late = deliveries.markDelayed(today);
        for (DeliveryResponse d : late) {
            String supplierCode = deliveries.supplierCode(d.supplierId());
            events.publishEvent(new DeliveryDelayed(DomainEvent.newId(), clock.instant(), d.id(),
                    d.udiseCode() != null ? d.udiseCode() : String.valueOf(d.kitchenId()), supplierCode, d.commodity(),
                    d.promisedDate(), (int) ChronoUnit.DAYS.between(d.promisedDate(), today)));
        }
        return late.size();
    }

    Optional<DeliveryResponse> find(UUID id) {
        return deliveries.find(id);
    }

}
