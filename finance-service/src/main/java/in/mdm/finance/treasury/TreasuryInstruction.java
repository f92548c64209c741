package in.mdm.finance.treasury;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment instruction to the treasury, as stored: one per released fund, located where
 * the release is, with the idempotency key every attempt carries, its status and
 * attempts, and the treasury's reference once it confirms.
 */
record TreasuryInstruction(UUID id, UUID releaseId, UUID idempotencyKey, String udiseCode, String districtCode,
        String blockCode, BigDecimal amount, InstructionStatus status, int attempts, String lastError,
        Instant createdAt, Instant sentAt, Instant confirmedAt, String treasuryReference) {

    boolean isConfirmed() {
        return status == InstructionStatus.CONFIRMED;
    }

    /** The instruction as the treasury's confirmation with this reference leaves it. */
    TreasuryInstruction confirmed(String reference, Instant at) {
        return new TreasuryInstruction(id, releaseId, idempotencyKey, udiseCode, districtCode, blockCode, amount,
                InstructionStatus.CONFIRMED, attempts, null, createdAt, sentAt, at, reference);
    }
}
