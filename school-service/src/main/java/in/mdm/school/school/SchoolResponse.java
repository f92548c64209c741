package in.mdm.school.school;

import java.time.Instant;

public record SchoolResponse(String udiseCode, String name, String districtCode, String blockCode,
        SchoolCategory category, Management management, RuralUrban ruralUrban, boolean pmPoshanEligible,
        Instant createdAt, Instant updatedAt) {

    static SchoolResponse of(School s) {
        return new SchoolResponse(s.udiseCode(), s.name(), s.districtCode(), s.blockCode(), s.category(),
                s.management(), s.ruralUrban(), s.pmPoshanEligible(), s.createdAt(), s.updatedAt());
    }
}
