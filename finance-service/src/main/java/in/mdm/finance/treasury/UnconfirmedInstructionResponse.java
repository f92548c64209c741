package in.mdm.finance.treasury;

import java.math.BigDecimal;
import java.time.Instant;

/** An instruction the treasury has not confirmed, for the reconciliation. */
record UnconfirmedInstructionResponse(String instructionId, String releaseId, String udiseCode, String districtCode,
        String blockCode, BigDecimal amount, InstructionStatus status, int attempts, String lastError,
        Instant createdAt, Instant sentAt) {

    static UnconfirmedInstructionResponse of(TreasuryInstruction i) {
        return new UnconfirmedInstructionResponse(i.id().toString(), i.releaseId().toString(), i.udiseCode(),
                i.districtCode(), i.blockCode(), i.amount(), i.status(), i.attempts(), i.lastError(), i.createdAt(),
                i.sentAt());
    }
}
