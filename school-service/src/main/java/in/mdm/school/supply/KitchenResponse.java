package in.mdm.school.supply;

import java.time.Instant;
import java.util.UUID;

public record KitchenResponse(UUID id, String name, String districtCode, String blockCode, String address,
        Integer capacityMeals, int schoolsServed, Instant createdAt) {
}
