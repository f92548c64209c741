package in.mdm.school.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.DeliveryDelayed;
import in.mdm.events.school.DeliveryReceived;
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
        publishDelayed(deliveries.markDelayed(today(), List.of(id)), today());
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
        postReceipt(d, r, caller);
        publishReceived(d, r, null);
        return find(id).orElseThrow();
    }

    /**
     * A receipt's kilograms enter the stock ledger where the meals are cooked: the
     * school's own, the kitchen's, or that of the kitchen that cooks for the school.
     */
    private void postReceipt(DeliveryResponse d, ReceiptRequest r, Caller caller) {
        if (r.quantityKg().signum() <= 0) {
            return;
        }
        UUID cookedAt = d.udiseCode() == null ? null : kitchenStock.kitchenOf(d.udiseCode()).orElse(null);
        if (cookedAt != null) {
            kitchenStock.post(cookedAt, Commodity.valueOf(d.commodity()), LedgerEntryKind.RECEIPT, r.quantityKg(),
                    r.receivedOn(), "delivery for school " + d.udiseCode() + " from supplier " + d.supplierId(),
                    "delivery:" + d.id(), caller.username());
        }
        else if (d.udiseCode() != null) {
            stock.post(d.udiseCode(), Commodity.valueOf(d.commodity()), LedgerEntryKind.RECEIPT, r.quantityKg(),
                    r.receivedOn(), "delivery from supplier " + d.supplierId(), "delivery:" + d.id(),
                    caller.username());
        }
        else {
            kitchenStock.post(d.kitchenId(), Commodity.valueOf(d.commodity()), LedgerEntryKind.RECEIPT, r.quantityKg(),
                    r.receivedOn(), "delivery from supplier " + d.supplierId(), "delivery:" + d.id(),
                    caller.username());
        }
    }

    /** A supplier's client reference. */
    private record Reference(UUID supplierId, String clientReference) {
    }

    /**
     * Schedules up to 500 deliveries in one transaction, each received at once when it
     * carries a receipt. Each item is checked as the single endpoints check it and
     * answered in order: CREATED, DUPLICATE (its client reference found an earlier
     * delivery: the same as {@link #schedule}; a receipt it carries is recorded if the
     * earlier one has none, and one equal to the recorded receipt is no conflict) or
     * REJECTED with the code and detail of the problem the single endpoint would answer.
     * A rejected item writes nothing (every check comes before its writes), so the others
     * go on; a database failure rolls the whole batch back. Suppliers, places and earlier
     * deliveries are read once for the batch.
     */
    @Transactional
    DeliveryBatchResponse scheduleBatch(List<DeliveryBatchItem> items, Caller caller) {
        Set<UUID> supplierIds = new HashSet<>();
        Set<String> udiseCodes = new HashSet<>();
        Set<UUID> kitchenIds = new HashSet<>();
        Set<String> references = new HashSet<>();
        for (DeliveryBatchItem item : items) {
            supplierIds.add(item.supplierId());
            if (item.udiseCode() != null) {
                udiseCodes.add(item.udiseCode());
            }
            if (item.kitchenId() != null) {
                kitchenIds.add(item.kitchenId());
            }
            if (item.clientReference() != null) {
                references.add(item.clientReference());
            }
        }
        Batch batch = new Batch(deliveries.existingSuppliers(supplierIds), deliveries.schoolPlaces(udiseCodes),
                deliveries.kitchenPlaces(kitchenIds), new HashMap<>(), LocalDate.now(clock.withZone(INDIA)), caller);
        for (DeliveryResponse d : deliveries.findByReferences(supplierIds, references)) {
            batch.earlier().put(new Reference(d.supplierId(), d.clientReference()), d);
        }
        List<DeliveryBatchResponse.Item> results = new ArrayList<>(items.size());
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        for (DeliveryBatchItem item : items) {
            try {
                Scheduled scheduled = scheduleItem(item, batch);
                if (scheduled.created()) {
                    created++;
                }
                else {
                    duplicates++;
                }
                results.add(new DeliveryBatchResponse.Item(item.clientReference(), scheduled.created()
                        ? DeliveryBatchResponse.Status.CREATED : DeliveryBatchResponse.Status.DUPLICATE,
                        scheduled.delivery(), null, null));
            }
            catch (ApiException ex) {
                rejected++;
                results.add(new DeliveryBatchResponse.Item(item.clientReference(),
                        DeliveryBatchResponse.Status.REJECTED, null, ex.code(), ex.getBody().getDetail()));
            }
        }
        // a delivery recorded after its promised date, and not received, is late at once
        List<UUID> fresh = results.stream()
            .filter(i -> i.status() == DeliveryBatchResponse.Status.CREATED)
            .map(i -> i.delivery().id())
            .toList();
        List<DeliveryResponse> late = deliveries.markDelayed(batch.today(), fresh);
        publishDelayed(late, batch.today());
        Map<UUID, DeliveryResponse> nowLate = new HashMap<>();
        late.forEach(d -> nowLate.put(d.id(), d));
        results.replaceAll(
                i -> i.delivery() != null && nowLate.containsKey(i.delivery().id()) ? new DeliveryBatchResponse.Item(
                        i.clientReference(), i.status(), nowLate.get(i.delivery().id()), i.code(), i.detail()) : i);
        return new DeliveryBatchResponse(created, duplicates, rejected, results);
    }

    /** What a batch reads once: suppliers, places, deliveries by client reference. */
    private record Batch(Set<UUID> suppliers, Map<String, DeliveryRepository.Place> schools,
            Map<UUID, DeliveryRepository.Place> kitchens, Map<Reference, DeliveryResponse> earlier, LocalDate today,
            Caller caller) {
    }

    private Scheduled scheduleItem(DeliveryBatchItem item, Batch batch) {
        DeliveryRequest r = item.delivery();
        Caller caller = batch.caller();
        if ((r.udiseCode() == null) == (r.kitchenId() == null)) {
            throw ApiException.badRequest(SchoolProblems.DELIVERY_ONE_TARGET,
                    "udiseCode, kitchenId: give exactly one of them");
        }
        if (!batch.suppliers().contains(r.supplierId())) {
            throw ApiException.badRequest(SchoolProblems.DELIVERY_UNKNOWN_SUPPLIER,
                    "supplierId: no supplier " + r.supplierId());
        }
        if (r.udiseCode() != null) {
            DeliveryRepository.Place place = batch.schools().get(r.udiseCode());
            if (place == null || !caller.covers(place.districtCode(), place.blockCode(), r.udiseCode())) {
                throw ApiException.notFound(SchoolProblems.SCHOOL_NOT_FOUND,
                        "No school with UDISE code " + r.udiseCode());
            }
        }
        else {
            DeliveryRepository.Place place = batch.kitchens().get(r.kitchenId());
            if (place == null || !caller.covers(place.districtCode(), place.blockCode(), null)) {
                throw ApiException.notFound(SchoolProblems.KITCHEN_NOT_FOUND, "No kitchen " + r.kitchenId());
            }
        }
        Reference reference = r.clientReference() == null ? null : new Reference(r.supplierId(), r.clientReference());
        DeliveryResponse earlier = reference == null ? null : batch.earlier().get(reference);
        if (earlier != null) {
            return new Scheduled(again(earlier, item, reference, batch), false);
        }
        if (item.receipt() != null) {
            requireNotFuture(item.receipt(), batch.today());
        }
        Optional<DeliveryResponse> inserted = deliveries.insertReturning(UUID.randomUUID(), r, caller.username());
        if (inserted.isEmpty()) {
            // another transaction stored the same reference since the batch read them
            DeliveryResponse other = findByReference(r.supplierId(), r.clientReference()).orElseThrow();
            return new Scheduled(again(other, item, reference, batch), false);
        }
        DeliveryResponse d = inserted.get();
        if (item.receipt() != null) {
            d = receiveInBatch(d, item.receipt(), batch);
        }
        if (reference != null) {
            batch.earlier().put(reference, d);
        }
        return new Scheduled(d, true);
    }

    /**
     * An item whose client reference found an earlier delivery: the same delivery or a
     * conflict, and its receipt recorded now if the earlier one has none.
     */
    private DeliveryResponse again(DeliveryResponse earlier, DeliveryBatchItem item, Reference reference, Batch batch) {
        sameOrConflict(earlier, item.delivery());
        ReceiptRequest receipt = item.receipt();
        if (receipt == null) {
            return earlier;
        }
        if (earlier.status() == DeliveryStatus.RECEIVED) {
            if (earlier.receivedOn().equals(receipt.receivedOn())
                    && earlier.receivedKg().compareTo(receipt.quantityKg()) == 0) {
                return earlier;
            }
            throw ApiException.conflict(SchoolProblems.DELIVERY_ALREADY_RECEIVED,
                    "Delivery " + earlier.id() + " was received on " + earlier.receivedOn());
        }
        requireNotFuture(receipt, batch.today());
        DeliveryResponse received = receiveInBatch(earlier, receipt, batch);
        batch.earlier().put(reference, received);
        return received;
    }

    private static void requireNotFuture(ReceiptRequest receipt, LocalDate today) {
        if (receipt.receivedOn().isAfter(today)) {
            throw ApiException.badRequest(SchoolProblems.DELIVERY_FUTURE_RECEIPT, "receivedOn: after today");
        }
    }

    private DeliveryResponse receiveInBatch(DeliveryResponse d, ReceiptRequest r, Batch batch) {
        DeliveryResponse received = deliveries.receiveReturning(d.id(), r.receivedOn(), r.quantityKg())
            .orElseThrow(() -> ApiException.conflict(SchoolProblems.DELIVERY_ALREADY_RECEIVED,
                    "Delivery " + d.id() + " was received already"));
        postReceipt(received, r, batch.caller());
        publishReceived(received, r, received.udiseCode() != null ? batch.schools().get(received.udiseCode())
                : batch.kitchens().get(received.kitchenId()));
        return received;
    }

    /**
     * DeliveryReceived with the receipt (outbox, same transaction): where it arrived, and
     * whether by its promised date. {@code place} when the caller has read it already.
     */
    private void publishReceived(DeliveryResponse d, ReceiptRequest r, DeliveryRepository.Place place) {
        DeliveryRepository.Place where = place;
        if (where == null) {
            where = d.udiseCode() != null ? deliveries.schoolPlaces(List.of(d.udiseCode())).get(d.udiseCode())
                    : deliveries.kitchenPlaces(List.of(d.kitchenId())).get(d.kitchenId());
        }
        events.publishEvent(new DeliveryReceived(DomainEvent.newId(), clock.instant(), d.id(), d.udiseCode(),
                d.udiseCode() == null ? d.kitchenId() : null, where == null ? null : where.districtCode(),
                where == null ? null : where.blockCode(), d.supplierId(), d.commodity(), d.promisedDate(),
                r.receivedOn(), r.quantityKg(), !r.receivedOn().isAfter(d.promisedDate())));
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
        publishDelayed(late, today);
        return late.size();
    }

    private void publishDelayed(List<DeliveryResponse> late, LocalDate today) {
        if (late.isEmpty()) {
            return;
        }
        // one read of the suppliers' codes, not one a delivery
        Map<UUID, String> codes = deliveries
            .supplierCodes(late.stream().map(DeliveryResponse::supplierId).collect(Collectors.toSet()));
        for (DeliveryResponse d : late) {
            String supplierCode = codes.get(d.supplierId());
            events.publishEvent(new DeliveryDelayed(DomainEvent.newId(), clock.instant(), d.id(), d.udiseCode(),
                    supplierCode, d.commodity(), d.promisedDate(),
                    (int) ChronoUnit.DAYS.between(d.promisedDate(), today), d.kitchenId()));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(INDIA));
    }

    Optional<DeliveryResponse> find(UUID id) {
        return deliveries.find(id);
    }

}
