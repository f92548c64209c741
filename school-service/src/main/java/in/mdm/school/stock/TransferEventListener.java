package in.mdm.school.stock;

import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.optimization.TransferApproved;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Carries out transfers approved by optimization-service: both schools' stock moves in
 * one transaction (TransferExecuted), or nothing moves and the refusal is recorded with
 * its reason (TransferRefused). A redelivered event changes nothing (the inbox, and the
 * transfer's own row).
 */
@Component
@EventConsumer(TransferEventListener.CONSUMER)
class TransferEventListener {

    static final String CONSUMER = "school.transfers";

    private final TransferService transfers;

    private final StockRepository balances;

    TransferEventListener(TransferService transfers, StockRepository balances) {
        this.transfers = transfers;
        this.balances = balances;
    }

    @EventHandler
    void apply(TransferApproved t) {
        if (transfers.known(t.transferId())) {
            return;
        }
        TransferService.Site from = new TransferService.Site(t.fromUdiseCode(), null);
        TransferService.Site to = new TransferService.Site(t.toUdiseCode(), null);
        String refusal = refusal(t);
        if (refusal == null) {
            refusal = transfers.lockAndCheck(from, to, Commodity.valueOf(t.commodity()), t.quantityKg());
        }
        if (refusal != null) {
            transfers.record(t.transferId(), from, to, String.valueOf(t.commodity()), t.quantityKg(),
                    TransferStatus.REFUSED, refusal, t.approvedBy(), TransferSource.APPROVED, null, null);
            transfers.refused(t.transferId(), t.fromUdiseCode(), t.toUdiseCode(), t.commodity(), t.quantityKg(),
                    refusal);
            return;
        }
        Commodity commodity = Commodity.valueOf(t.commodity());
        transfers.move(t.transferId(), from, to, commodity, t.quantityKg(), null, t.approvedBy());
        transfers.record(t.transferId(), from, to, t.commodity(), t.quantityKg(), TransferStatus.EXECUTED, null,
                t.approvedBy(), TransferSource.APPROVED, null, null);
        transfers.executed(t.transferId(), from, to, commodity, t.quantityKg());
    }

    private String refusal(TransferApproved t) {
        try {
            Commodity.valueOf(t.commodity());
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            return "unknown commodity " + t.commodity();
        }
        if (t.quantityKg() == null || t.quantityKg().signum() <= 0) {
            return "the quantity must be positive";
        }
        if (t.fromUdiseCode().equals(t.toUdiseCode())) {
            return "a school cannot transfer to itself";
        }
        for (String udise : List.of(t.fromUdiseCode(), t.toUdiseCode())) {
            if (balances.place(udise).isEmpty()) {
                return "unknown school " + udise;
            }
        }
        return null;
    }

}
