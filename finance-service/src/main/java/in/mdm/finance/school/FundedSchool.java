package in.mdm.finance.school;

import java.time.Instant;

/**
 * A school as finance-service knows it: its own copy, kept current by school-service's
 * events.
 */
record FundedSchool(String udiseCode, String name, String districtCode, String blockCode, String category,
        String management, boolean pmPoshanEligible, String lastEventId, Instant lastEventAt, Instant updatedAt) {
}
