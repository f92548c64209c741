package in.mdm.school.school;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A school of the register, with its headmaster's name and phone decrypted.
 *
 * @param headmasterNameEnc the name as the row stores it, encrypted; null when there is
 * none or the row holds it in plain text (not yet encrypted)
 * @param headmasterPhoneEnc the phone likewise
 */
record School(String udiseCode, String name, String districtCode, String blockCode, SchoolCategory category,
        Management management, RuralUrban ruralUrban, boolean pmPoshanEligible, boolean eligiblePrimary,
        boolean eligibleUpperPrimary, String pincode, BigDecimal latitude, BigDecimal longitude, String headmasterName,
        String headmasterPhone, UUID kitchenId, Instant createdAt, Instant updatedAt, String headmasterNameEnc,
        String headmasterPhoneEnc) {
}
