package in.mdm.finance.treasury;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;

import in.mdm.events.finance.FundReleased;

/**
 * Writes a payment instruction in the transaction that releases a fund, and sends the
 * instructions afterwards, outside any database transaction: each run claims a batch (a
 * short transaction), calls the treasury for each (retry with backoff inside a circuit
 * breaker, the same idempotency key on every attempt), then records the outcome. An
 * instruction that could not be sent goes back to PENDING for the next run; one the
 * treasury refuses (4xx) is REFUSED and shows in the reconciliation.
 */
@Component
class TreasuryInstructionSender {

    private static final Logger log = LoggerFactory.getLogger(TreasuryInstructionSender.class);

    private final TreasuryRepository instructions;

    private final TreasuryClient treasury;

    private final TransactionTemplate transactions;

    private final boolean enabled;

    private final int batch;

    private final Clock clock;

    TreasuryInstructionSender(TreasuryRepository instructions, TreasuryClient treasury,
            TransactionTemplate transactions, Clock clock,
            @Value("${mdm.finance.treasury.sender-enabled:true}") boolean enabled,
            @Value("${mdm.finance.treasury.batch:50}") int batch) {
        this.instructions = instructions;
        this.treasury = treasury;
        this.transactions = transactions;
        this.clock = clock;
        this.enabled = enabled;
        this.batch = batch;
    }

    /**
     * In the releasing transaction (a synchronous listener): the instruction is written
     * with the release or not at all.
     */
    @EventListener
    void on(FundReleased released) {
        instructions.insert(released.releaseId(), released.amount(), released.occurredAt());
    }

    @Scheduled(fixedDelayString = "${mdm.finance.treasury.send-interval:PT5S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "finance.treasury-sender", lockAtMostFor = "PT5M")
    void scheduled() {
        if (enabled) {
            sendPending();
        }
    }

    /** Sends every pending instruction; answers how many the treasury accepted. */
    int sendPending() {
        int accepted = 0;
        List<TreasuryInstruction> claimed = transactions
            .execute(status -> instructions.claim(batch, Duration.ofMinutes(5), clock.instant()));
        for (int i = 0; i < claimed.size(); i++) {
            TreasuryInstruction instruction = claimed.get(i);
            try {
                treasury.pay(instruction.idempotencyKey(), TreasuryClient.PaymentInstruction.of(instruction));
                transactions.executeWithoutResult(status -> instructions.sent(instruction.id(), clock.instant()));
                accepted++;
            }
            catch (CallNotPermittedException open) {
                log.warn("Treasury circuit open: {} instructions wait for the next run", claimed.size() - i);
                for (TreasuryInstruction rest : claimed.subList(i, claimed.size())) {
                    transactions.executeWithoutResult(
                            status -> instructions.unsent(rest.id(), InstructionStatus.PENDING, "circuit open"));
                }
                break;
            }
            catch (HttpClientErrorException refused) {
                log.error("Treasury refused instruction {}: {}", instruction.id(), refused.getStatusCode());
                transactions.executeWithoutResult(status -> instructions.unsent(instruction.id(),
                        InstructionStatus.REFUSED, "treasury answered " + refused.getStatusCode().value()));
            }
            catch (RuntimeException failed) {
                log.warn("Treasury instruction {} not sent: {}", instruction.id(), failed.toString());
                transactions.executeWithoutResult(status -> instructions.unsent(instruction.id(),
                        InstructionStatus.PENDING, truncate(failed.toString())));
            }
        }
        return accepted;
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

}
