package in.mdm.school.stock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.TransferExecuted;
import in.mdm.events.school.TransferRefused;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;

/**
 * Moves stock between two sites, schools or centralised kitchens, in one transaction:
 * TRANSFER_OUT at the sender and TRANSFER_IN at the receiver, both with the reference
 * {@code transfer:<id>} and each naming the other end; or nothing at all when the sender
 * has too little. The one path for transfers approved by optimization-service
 * (TransferEventListener) and transfers entered by hand.
 */
@Service
class TransferService {

    /** One end of a transfer: a school or a kitchen. */
    record Site(String udiseCode, UUID kitchenId) {

        static Site parse(String text) {
            if (text.matches("[0-9]{11}")) {
                return new Site(text, null);
            }
            return new Site(null, UUID.fromString(text));
        }

        boolean school() {
            return udiseCode != null;
        }

        /**
         * The order in which balances are locked, the same in every transaction, so that
         * two transfers never deadlock.
         */
        String lockKey() {
            return school() ? "S" + udiseCode : "K" + kitchenId;
        }

        String label() {
            return school() ? "school " + udiseCode : "kitchen " + kitchenId;
        }
    }

    /**
     * A hand-entered transfer's outcome: done ({@code created} false when its client
     * reference found it), or refused.
     */
    record Outcome(TransferResponse transfer, boolean created, String refusal) {
    }

    private final StockService schools;

    private final StockRepository schoolBalances;

    private final KitchenStockService kitchens;

    private final StockTransferRepository transfers;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    TransferService(StockService schools, StockRepository schoolBalances, KitchenStockService kitchens,
            StockTransferRepository transfers, ApplicationEventPublisher events, Clock clock) {
        this.schools = schools;
        this.schoolBalances = schoolBalances;
        this.kitchens = kitchens;
        this.transfers = transfers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Locks both ends' balances (in one order) and checks the sender's stock; writes
     * nothing.
     * @return {@code null} when the sender has the quantity, else why not
     */
    String lockAndCheck(Site school, Site receiver, Commodity commodity, BigDecimal quantityKg) {
        Site from = cookedAt(school);
        Site to = cookedAt(receiver);
        BigDecimal onHand = BigDecimal.ZERO;
        for (Site site : List.of(from, to).stream().sorted(Comparator.comparing(Site::lockKey)).toList()) {
            Optional<BigDecimal> held = site.school() ? schoolBalances.lockExisting(site.udiseCode(), commodity)
                    : kitchens.lockExisting(site.kitchenId(), commodity);
            if (site.equals(from)) {
                onHand = held.orElse(BigDecimal.ZERO);
            }
        }
        if (onHand.compareTo(quantityKg) < 0) {
            return from.label() + " has " + onHand.setScale(3, RoundingMode.HALF_EVEN).toPlainString() + " kg of "
                    + commodity + ", less than the " + quantityKg.setScale(3, RoundingMode.HALF_EVEN).toPlainString()
                    + " kg to transfer";
        }
        return null;
    }

    /**
     * Posts both ledger entries (after {@link #lockAndCheck} found enough stock), in the
     * caller's transaction.
     */
    void move(UUID transferId, Site from, Site to, Commodity commodity, BigDecimal quantityKg, String note, String by) {
        LocalDate today = LocalDate.now(clock.withZone(StockService.INDIA));
        String reference = "transfer:" + transferId;
        String why = note == null ? "" : ": " + note;
        post(from, commodity, LedgerEntryKind.TRANSFER_OUT, quantityKg.negate(), today,
                "transfer to " + to.label() + why, reference, by);
        post(to, commodity, LedgerEntryKind.TRANSFER_IN, quantityKg, today, "transfer from " + from.label() + why,
                reference, by);
    }

    /**
     * Where a site's food is: a school a kitchen cooks for keeps none of its own, so a
     * transfer from or to it moves the kitchen's stock.
     */
    private Site cookedAt(Site site) {
        if (!site.school()) {
            return site;
        }
        return kitchens.kitchenOf(site.udiseCode()).map(k -> new Site(null, k)).orElse(site);
    }

    private void post(Site named, Commodity commodity, LedgerEntryKind kind, BigDecimal quantityKg, LocalDate date,
            String reason, String reference, String by) {
        Site site = cookedAt(named);
        String text = reason.length() > 300 ? reason.substring(0, 300) : reason;
        if (site.school()) {
            schools.post(site.udiseCode(), commodity, kind, quantityKg, date, text, reference, by);
        }
        else {
            kitchens.post(site.kitchenId(), commodity, kind, quantityKg, date, text, reference, by);
        }
    }

    /**
     * TransferExecuted for a transfer between two schools (its contract names schools
     * only).
     */
    void executed(UUID transferId, Site from, Site to, Commodity commodity, BigDecimal quantityKg) {
        if (from.school() && to.school()) {
            events.publishEvent(new TransferExecuted(DomainEvent.newId(), clock.instant(), transferId, from.udiseCode(),
                    to.udiseCode(), commodity.name(), quantityKg));
        }
    }

    /**
     * TransferRefused for a transfer between two schools (its contract names schools
     * only).
     */
    void refused(UUID transferId, String fromUdise, String toUdise, String commodity, BigDecimal quantityKg,
            String reason) {
        if (fromUdise != null && toUdise != null) {
            events.publishEvent(new TransferRefused(DomainEvent.newId(), clock.instant(), transferId, fromUdise,
                    toUdise, commodity, quantityKg, reason));
        }
    }

    /**
     * Records a transfer.
     * @return whether it was recorded: {@code false} when a transfer with the same client
     * reference of the same person is there (a concurrent request with it waits here for
     * the other's commit)
     */
    boolean record(UUID transferId, Site from, Site to, String commodity, BigDecimal quantityKg, TransferStatus status,
            String refusal, String by, TransferSource source, String note, String clientReference) {
        return transfers.insert(transferId, from, to, commodity, quantityKg, status, refusal, by, source, note,
                clientReference);
    }

    boolean known(UUID transferId) {
        return transfers.exists(transferId);
    }

    /**
     * A transfer entered by hand. 404 when an end is not in the caller's jurisdiction;
     * with a client reference, the same request again answers the transfer it made, other
     * content with it is a 409. Too little stock at the sender: nothing is written,
     * TransferRefused is published (between schools), and the outcome says why.
     */
    @Transactional
    Outcome transfer(TransferRequest r, Caller caller) {
        Site from = site("from", r.from());
        Site to = site("to", r.to());
        if (from.equals(to)) {
            throw ApiException.badRequest(SchoolProblems.TRANSFER_SAME_SITE,
                    "to: must not be the same site as from (" + r.from() + ")");
        }
        requireSite(from, caller);
        requireSite(to, caller);
        String note = r.reason().strip();
        String by = caller.username();
        if (r.clientReference() != null) {
            Optional<TransferResponse> earlier = findByReference(by, r.clientReference());
            if (earlier.isPresent()) {
                return new Outcome(sameOrConflict(earlier.get(), from, to, r, note), false, null);
            }
        }
        UUID id = UUID.randomUUID();
        if (!record(id, from, to, r.commodity().name(), r.quantityKg(), TransferStatus.EXECUTED, null, by,
                TransferSource.MANUAL, note, r.clientReference())) {
            return new Outcome(
                    sameOrConflict(findByReference(by, r.clientReference()).orElseThrow(), from, to, r, note), false,
                    null);
        }
        String refusal = lockAndCheck(from, to, r.commodity(), r.quantityKg());
        if (refusal != null) {
            transfers.delete(id);
            refused(id, from.udiseCode(), to.udiseCode(), r.commodity().name(), r.quantityKg(), refusal);
            return new Outcome(null, false, refusal);
        }
        move(id, from, to, r.commodity(), r.quantityKg(), note, by);
        executed(id, from, to, r.commodity(), r.quantityKg());
        return new Outcome(find(id).orElseThrow(), true, null);
    }

    @Transactional(readOnly = true)
    TransferResponse get(UUID transferId, Caller caller) {
        TransferResponse t = find(transferId).orElse(null);
        if (t == null || !caller.isAdmin() && !(covers(t.fromUdiseCode(), t.fromKitchenId(), caller)
                && covers(t.toUdiseCode(), t.toKitchenId(), caller))) {
            throw ApiException.notFound(SchoolProblems.TRANSFER_NOT_FOUND, "No transfer " + transferId);
        }
        return t;
    }

    private static Site site(String field, String text) {
        try {
            return Site.parse(text);
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.badRequest(SchoolProblems.TRANSFER_BAD_SITE,
                    field + ": " + TransferRequest.SITE_MESSAGE);
        }
    }

    private void requireSite(Site site, Caller caller) {
        if (site.school()) {
            schools.requireSchool(site.udiseCode(), caller);
        }
        else {
            kitchens.requireKitchen(site.kitchenId(), caller);
        }
    }

    private boolean covers(String udise, UUID kitchen, Caller caller) {
        Optional<String[]> place = udise != null ? schoolBalances.place(udise) : kitchens.place(kitchen);
        return place.isPresent() && caller.covers(place.get()[0], place.get()[1], udise);
    }

    private static TransferResponse sameOrConflict(TransferResponse earlier, Site from, Site to, TransferRequest r,
            String note) {
        boolean same = Objects.equals(earlier.fromUdiseCode(), from.udiseCode())
                && Objects.equals(earlier.fromKitchenId(), from.kitchenId())
                && Objects.equals(earlier.toUdiseCode(), to.udiseCode())
                && Objects.equals(earlier.toKitchenId(), to.kitchenId())
                && earlier.commodity().equals(r.commodity().name())
                && earlier.quantityKg().compareTo(r.quantityKg()) == 0 && Objects.equals(earlier.reason(), note);
        if (!same) {
            throw ApiException.conflict(SchoolProblems.TRANSFER_CLIENT_REFERENCE_CONFLICT,
                    "clientReference: " + r.clientReference() + " was already used for another transfer");
        }
        return earlier;
    }

    private Optional<TransferResponse> findByReference(String by, String reference) {
        return transfers.findByReference(by, reference);
    }

    Optional<TransferResponse> find(UUID transferId) {
        return transfers.find(transferId);
    }

}
