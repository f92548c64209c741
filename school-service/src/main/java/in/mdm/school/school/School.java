package in.mdm.school.school;

import java.time.Instant;

/** A school of the register. */
record School(String udiseCode, String name, String districtCode, String blockCode, SchoolCategory category,
        Management management, RuralUrban ruralUrban, boolean pmPoshanEligible, Instant createdAt, Instant updatedAt) {
}
