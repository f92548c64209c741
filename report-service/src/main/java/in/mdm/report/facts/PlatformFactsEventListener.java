package in.mdm.report.facts;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import in.mdm.events.alert.AlertRaised;
import in.mdm.events.alert.AlertResolved;
import in.mdm.events.finance.AllocationCalculated;
import in.mdm.events.finance.BudgetThresholdCrossed;
import in.mdm.events.finance.FundReleased;
import in.mdm.events.finance.UtilizationRecorded;
import in.mdm.events.ml.RiskScored;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * Finance's money, ml's risk scores and alert-service's alerts into the facts. Money
 * events are few (one per allocation, release or utilization), so they are written one by
 * one; risk scores, one per school and day, set-based.
 */
@Component
@EventConsumer("report.platform-facts")
class PlatformFactsEventListener {

    private final FactsRepository facts;

    PlatformFactsEventListener(FactsRepository facts) {
        this.facts = facts;
    }

    @EventHandler
    void allocated(AllocationCalculated e) {
        facts.allocation(e.allocationId(), e.academicYear(), e.scope().level().name(), e.scope().code(), e.schools(),
                e.total(), e.centreShare(), e.stateShare(), e.occurredAt());
    }

    @EventHandler
    void released(FundReleased e) {
        facts.release(e.releaseId(), e.allocationId(), e.scope().level().name(), e.scope().code(), e.amount(),
                e.occurredAt());
    }

    @EventHandler
    void utilized(UtilizationRecorded e) {
        // the month as finance writes it, 2026-11
        facts.utilization(e.utilizationId(), e.udiseCode(), LocalDate.parse(e.month() + "-01"), e.category(),
                e.amount(), e.occurredAt());
    }

    @EventHandler
    void threshold(BudgetThresholdCrossed e) {
        facts.threshold(e.scope().level().name(), e.scope().code(), e.thresholdPercent(), e.utilizedPercent(),
                e.occurredAt());
    }

    @EventHandler
    void scored(List<RiskScored> events) {
        facts.riskDays(events.stream()
            .map(e -> new FactsRepository.RiskDay(e.udiseCode(), e.forDate(), e.score(), e.level(), e.modelVersion(),
                    e.occurredAt()))
            .toList());
    }

    @EventHandler
    void raised(AlertRaised e) {
        facts.alertRaised(e.alertId(), e.ruleCode(), e.severity(), e.scope().level().name(), e.scope().code(),
                e.udiseCode(), e.occurredAt());
    }

    @EventHandler
    void resolved(AlertResolved e) {
        facts.alertResolved(e.alertId(), e.occurredAt());
    }

}
