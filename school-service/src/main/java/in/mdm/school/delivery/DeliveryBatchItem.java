package in.mdm.school.delivery;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import in.mdm.school.stock.Commodity;

/**
 * One delivery of a batch: the fields of a {@link DeliveryRequest}, and optionally its
 * receipt when it has arrived already (scheduled and received in one item).
 */
public record DeliveryBatchItem(@NotNull UUID supplierId,
        @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode, UUID kitchenId,
        @NotNull Commodity commodity,
        @NotNull @DecimalMin(
                value = "0.001") @DecimalMax("1000000") @Digits(integer = 11, fraction = 3) BigDecimal quantityKg,
        @NotNull LocalDate promisedDate,
        @Size(min = 1, max = 64) @Pattern(regexp = "\\p{Graph}+",
                message = "must be printable characters without spaces") String clientReference,
        @Valid ReceiptRequest receipt) {

    DeliveryRequest delivery() {
        return new DeliveryRequest(supplierId, udiseCode, kitchenId, commodity, quantityKg, promisedDate,
                clientReference);
    }

}
