package in.mdm.school.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record SchoolResponse(String udiseCode, String name, String districtCode, String blockCode,
        SchoolCategory category, Management management, RuralUrban ruralUrban, boolean pmPoshanEligible,
        boolean eligiblePrimary, boolean eligibleUpperPrimary, String pincode, BigDecimal latitude,
        BigDecimal longitude, String headmasterName, String headmasterPhone, UUID kitchenId, Instant createdAt,
        Instant updatedAt) {

    static SchoolResponse of(School s) {
        return new SchoolResponse(s.udiseCode(), s.name(), s.districtCode(), s.blockCode(), s.category(),
                s.management(), s.ruralUrban(), s.pmPoshanEligible(), s.eligiblePrimary(), s.eligibleUpperPrimary(),
                s.pincode(), s.latitude(), s.longitude(), s.headmasterName(), s.headmasterPhone(), s.kitchenId(),
                s.createdAt(), s.updatedAt());
    }

    /** The same school with other values for the headmaster's name and phone. */
    SchoolResponse withHeadmaster(String name, String phone) {
        return new SchoolResponse(udiseCode, this.name, districtCode, blockCode, category, management, ruralUrban,
                pmPoshanEligible, eligiblePrimary, eligibleUpperPrimary, pincode, latitude, longitude, name, phone,
                kitchenId, createdAt, updatedAt);
    }

}
