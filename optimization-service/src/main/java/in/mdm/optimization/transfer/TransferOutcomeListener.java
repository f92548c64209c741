package in.mdm.optimization.transfer;

import org.springframework.stereotype.Component;

import in.mdm.events.school.TransferExecuted;
import in.mdm.events.school.TransferRefused;
import in.mdm.platform.events.EventConsumer;
import in.mdm.platform.events.EventHandler;

/**
 * school-service's answer to an approved plan closes it: EXECUTED, or REFUSED with the
 * reason. An answer to a plan that is not approved (unknown here, or closed already)
 * changes nothing.
 */
@Component
@EventConsumer("optimization.transfer-outcomes")
class TransferOutcomeListener {

    private final RecommendationService recommendations;

    TransferOutcomeListener(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @EventHandler
    void executed(TransferExecuted event) {
        recommendations.outcome(event.transferId(), TransferStatus.EXECUTED, null, event.occurredAt());
    }

    @EventHandler
    void refused(TransferRefused event) {
        String reason = event.reason() == null ? "refused" : event.reason();
        recommendations.outcome(event.transferId(), TransferStatus.REFUSED,
                reason.length() > 500 ? reason.substring(0, 500) : reason, event.occurredAt());
    }

}
