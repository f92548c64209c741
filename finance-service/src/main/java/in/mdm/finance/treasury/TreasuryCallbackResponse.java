package in.mdm.finance.treasury;

/**
 * The answer to a treasury callback: the instruction confirmed, and whether that callback
 * had come before.
 */
record TreasuryCallbackResponse(String instructionId, String releaseId, InstructionStatus status,
        String treasuryReference, boolean alreadyConfirmed) {

    static TreasuryCallbackResponse of(TreasuryConfirmation c) {
        TreasuryInstruction i = c.instruction();
        return new TreasuryCallbackResponse(i.id().toString(), i.releaseId().toString(), i.status(),
                i.treasuryReference(), c.alreadyConfirmed());
    }
}
