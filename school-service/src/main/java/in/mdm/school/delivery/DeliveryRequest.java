package in.mdm.school.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import in.mdm.school.stock.Commodity;

/**
 * A delivery scheduled from a supplier to a school or a kitchen (one of the two).
 *
 * @param clientReference optional, the client's own reference (e.g. a UUID), unique per
 * supplier: the same request sent again finds the delivery it made instead of scheduling
 * a second one
 */
public record DeliveryRequest(@NotNull UUID supplierId,
        @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode, UUID kitchenId,
        @NotNull Commodity commodity,
        @NotNull @DecimalMin(value = "0.001") @DecimalMax("1000000") @Digits(integer = 11,
                fraction = 3) BigDecimal quantityKg,
        @NotNull LocalDate promisedDate, @Size(min = 1, max = 64) @Pattern(regexp = "\\p{Graph}+",
                message = "must be printable characters without spaces") String clientReference) {
}
