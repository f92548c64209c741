package in.mdm.finance.school;

import java.time.Instant;

public record FundedSchoolResponse(String udiseCode, String name, String districtCode, String blockCode,
        String category, String management, boolean pmPoshanEligible, String lastEventId, Instant updatedAt) {

    static FundedSchoolResponse of(FundedSchool s) {
        return new FundedSchoolResponse(s.udiseCode(), s.name(), s.districtCode(), s.blockCode(), s.category(),
                s.management(), s.pmPoshanEligible(), s.lastEventId(), s.updatedAt());
    }
}
