package in.mdm.school.stock;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import in.mdm.events.DomainEvent;
import in.mdm.events.optimization.OptimizationTopics;
import in.mdm.events.optimization.TransferApproved;
import in.mdm.events.school.TransferExecuted;
import in.mdm.events.school.TransferRefused;
import in.mdm.platform.events.EventInbox;

/**
 * Carries out transfers approved by optimization-service: both schools' stock moves in one transaction
 * (TransferExecuted), or nothing moves and the refusal is recorded with its reason (TransferRefused). A
 * redelivered event changes nothing (the inbox, and the transfer's own row).
 */
@Component
class TransferEventListener {

    static final String CONSUMER = "school.transfers";

    private final EventInbox inbox;
    private final StockService stock;
    private final StockRepository balances;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    TransferEventListener(EventInbox inbox, StockService stock, StockRepository balances, JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.inbox = inbox;
        this.stock = stock;
        this.balances = balances;
        this.jdbc = jdbc;
        this.events = events;
    }

    @KafkaListener(topics = OptimizationTopics.TRANSFERS, groupId = "school-service.transfers")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, event -> {
            if (event instanceof TransferApproved approved) {
                apply(approved);
            }
        });
    }

    void apply(TransferApproved t) {
        boolean known = jdbc.sql("select exists (select 1 from stock_transfers where transfer_id = :id)")
                .param("id", t.transferId()).query(Boolean.class).single();
        if (known) {
            return;
        }
        String refusal = refusal(t);
        if (refusal != null) {
            refuse(t, refusal);
            return;
        }
        Commodity commodity = Commodity.valueOf(t.commodity());
        balances.lockInOrder(List.of(t.fromUdiseCode(), t.toUdiseCode()), commodity);
        if (balances.lock(t.fromUdiseCode(), commodity).quantityKg().compareTo(t.quantityKg()) < 0) {
            refuse(t, "school " + t.fromUdiseCode() + " has less than " + t.quantityKg().toPlainString() + " kg of " + commodity);
            return;
        }
        LocalDate today = LocalDate.now(StockService.INDIA);
        String reference = "transfer:" + t.transferId();
        stock.post(t.fromUdiseCode(), commodity, "TRANSFER_OUT", t.quantityKg().negate(), today,
                "transfer to " + t.toUdiseCode(), reference, t.approvedBy());
        stock.post(t.toUdiseCode(), commodity, "TRANSFER_IN", t.quantityKg(), today,
                "transfer from " + t.fromUdiseCode(), reference, t.approvedBy());
        record(t, "EXECUTED", null);
        events.publishEvent(new TransferExecuted(DomainEvent.newId(), clock.instant(), t.transferId(), t.fromUdiseCode(),
                t.toUdiseCode(), t.commodity(), t.quantityKg()));
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

    private void refuse(TransferApproved t, String reason) {
        record(t, "REFUSED", reason);
        events.publishEvent(new TransferRefused(DomainEvent.newId(), clock.instant(), t.transferId(), t.fromUdiseCode(),
                t.toUdiseCode(), t.commodity(), t.quantityKg(), reason));
    }

    private void record(TransferApproved t, String status, String reason) {
        jdbc.sql("""
                insert into stock_transfers (transfer_id, from_udise, to_udise, commodity, quantity_kg, status, reason, approved_by)
                values (:id, :from, :to, :commodity, :qty, :status, :reason, :by)""")
                .param("id", t.transferId()).param("from", t.fromUdiseCode()).param("to", t.toUdiseCode())
                .param("commodity", String.valueOf(t.commodity())).param("qty", t.quantityKg() == null ? java.math.BigDecimal.ZERO : t.quantityKg())
                .param("status", status).param("reason", reason).param("by", t.approvedBy()).update();
    }
}
