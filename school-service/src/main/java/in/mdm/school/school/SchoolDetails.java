package in.mdm.school.school;

import java.math.BigDecimal;
import java.util.UUID;

/** The changeable part of a school, from a registration or an update. */
record SchoolDetails(String name, String districtCode, String blockCode, SchoolCategory category, Management management,
        RuralUrban ruralUrban, String pincode, BigDecimal latitude, BigDecimal longitude, String headmasterName,
        String headmasterPhone, UUID kitchenId) {
}
