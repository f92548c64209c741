package in.mdm.ml.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An intervention accepted for a school, tracked to its outcome.
 *
 * @param id the intervention
 * @param udiseCode the school
 * @param districtCode its district
 * @param blockCode its block
 * @param kind an {@link Intervention}
 * @param status ACCEPTED, or EVALUATED once its outcome is recorded
 * @param riskBefore the school's risk when it was accepted
 * @param riskExpected the risk the model expected with it
 * @param riskAfter the school's risk when its outcome fell due
 * @param costRupees its cost
 * @param note why, in the words of who accepted it
 * @param acceptedBy who accepted it
 * @param acceptedAt when
 * @param outcomeDue the day its outcome is recorded
 * @param evaluatedAt when it was
 */
record AcceptedIntervention(UUID id, String udiseCode, String districtCode, String blockCode, String kind,
        String status, double riskBefore, double riskExpected, Double riskAfter, int costRupees, String note,
        String acceptedBy, Instant acceptedAt, LocalDate outcomeDue, Instant evaluatedAt) {
}
