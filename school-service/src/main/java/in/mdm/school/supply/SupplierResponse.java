package in.mdm.school.supply;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record SupplierResponse(UUID id, String code, String name, SupplierKind kind, String phone, String districtCode,
        List<String> servesSchools, List<UUID> servesKitchens, Instant createdAt) {
}
