package in.mdm.school.delivery;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Up to 500 deliveries stored together (a supplier's or a loader's day), each with its
 * receipt when it has arrived.
 */
public record DeliveryBatchRequest(
        @NotNull @NotEmpty @Size(max = 500) List<@NotNull @Valid DeliveryBatchItem> deliveries) {
}
