package in.mdm.finance.treasury;

/**
 * Where a payment instruction stands: waiting to be sent, claimed by a sender, accepted
 * by the treasury, confirmed by its callback, or refused by it (a 4xx answer, for the
 * reconciliation to show).
 */
public enum InstructionStatus {

    PENDING, SENDING, SENT, CONFIRMED, REFUSED

}
