package in.mdm.finance.treasury;

/**
 * The outcome of a treasury callback: the confirmed instruction, and whether it had been
 * confirmed before.
 */
record TreasuryConfirmation(TreasuryInstruction instruction, boolean alreadyConfirmed) {
}
