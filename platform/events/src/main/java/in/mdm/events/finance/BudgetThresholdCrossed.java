package in.mdm.events.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventContract;
import in.mdm.events.Jurisdiction;

/** Utilization of released funds crossed a configured threshold. */
@EventContract(type = "in.mdm.finance.BudgetThresholdCrossed.v1", topic = FinanceTopics.THRESHOLDS)
public record BudgetThresholdCrossed(UUID eventId, Instant occurredAt, Jurisdiction scope, int thresholdPercent,
        BigDecimal utilizedPercent, BigDecimal released, BigDecimal utilized) implements DomainEvent {

    @Override
    public String aggregateId() {
        return scope.level() + ":" + scope.code();
    }
}
