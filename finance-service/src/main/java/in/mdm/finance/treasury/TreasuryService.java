package in.mdm.finance.treasury;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.finance.FinanceProblems;
import in.mdm.finance.audit.AuditAction;
import in.mdm.finance.audit.AuditTrail;
import in.mdm.finance.release.ReleaseService;
import in.mdm.platform.web.ApiException;

/**
 * The treasury's confirmations, and the daily reconciliation of instructions it has not
 * confirmed.
 */
@Service
class TreasuryService {

    private static final Logger log = LoggerFactory.getLogger(TreasuryService.class);

    private final TreasuryRepository instructions;

    private final ReleaseService releases;

    private final AuditTrail audit;

    private final Duration reconcileAfter;

    private final Clock clock;

    TreasuryService(TreasuryRepository instructions, ReleaseService releases, AuditTrail audit, Clock clock,
            @Value("${mdm.finance.treasury.reconcile-after:PT24H}") Duration reconcileAfter) {
        this.instructions = instructions;
        this.releases = releases;
        this.audit = audit;
        this.clock = clock;
        this.reconcileAfter = reconcileAfter;
    }

    /**
     * Marks the instruction confirmed and its release credited with the treasury's
     * reference. The same confirmation again changes nothing; a second, different
     * reference for a confirmed instruction is a conflict.
     */
    @Transactional
    TreasuryConfirmation confirm(TreasuryCallbackRequest callback, String by) {
        TreasuryInstruction instruction = instructions.lockByKey(callback.idempotencyKey())
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.TREASURY_UNKNOWN_INSTRUCTION,
                    "No instruction with key " + callback.idempotencyKey()));
        if (instruction.isConfirmed()) {
            if (!instruction.treasuryReference().equals(callback.treasuryReference())) {
                throw ApiException.conflict(FinanceProblems.TREASURY_CONFLICTING_CALLBACK,
                        "The instruction was confirmed with " + "another reference");
            }
            return new TreasuryConfirmation(instruction, true);
        }
        Instant now = clock.instant();
        instructions.confirm(instruction.id(), callback.treasuryReference(), now);
        releases.markCredited(instruction.releaseId(), callback.treasuryReference(), now);
        audit.record(by, AuditAction.TREASURY_CONFIRMED, instruction.id().toString(),
                new AuditTrail.Location(instruction.districtCode(), instruction.blockCode(), instruction.udiseCode()),
                AuditTrail.values("status", instruction.status()), AuditTrail.values("status",
                        InstructionStatus.CONFIRMED, "treasuryReference", callback.treasuryReference()),
                null);
        return new TreasuryConfirmation(instruction.confirmed(callback.treasuryReference(), now), false);
    }

    @Transactional(readOnly = true)
    List<TreasuryInstruction> unconfirmed(Duration olderThan) {
        return instructions.unconfirmed(clock.instant().minus(olderThan));
    }

    /**
     * The daily reconciliation ({@link TreasuryReconciliationJob}): records (and logs)
     * the instructions still unconfirmed a day after they were written.
     */
    @Transactional
    public void reconcile() {
        Instant now = clock.instant();
        Instant before = now.minus(reconcileAfter);
        List<TreasuryInstruction> open = instructions.unconfirmed(before);
        BigDecimal amount = open.stream().map(TreasuryInstruction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        instructions.recordReconciliation(now, before, open.size(), amount);
        if (!open.isEmpty()) {
            log.warn("Treasury reconciliation: {} instructions ({} rupees) unconfirmed since before {}", open.size(),
                    amount, before);
        }
    }

}
