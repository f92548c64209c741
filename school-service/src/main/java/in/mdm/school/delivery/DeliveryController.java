package in.mdm.school.delivery;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    private final DeliveryService deliveries;

    DeliveryController(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * 201 with {@code Location} for a new delivery; 200 with the earlier one when its
     * {@code clientReference} comes again.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    ResponseEntity<DeliveryResponse> schedule(@Valid @RequestBody DeliveryRequest request, Caller caller) {
        DeliveryService.Scheduled scheduled = deliveries.schedule(request, caller);
        DeliveryResponse d = scheduled.delivery();
        if (!scheduled.created()) {
            return ResponseEntity.ok().location(URI.create("/api/v1/deliveries/" + d.id())).body(d);
        }
        return ResponseEntity.created(URI.create("/api/v1/deliveries/" + d.id())).body(d);
    }

    /**
     * Up to 500 deliveries in one transaction, each with its receipt when it has arrived;
     * every item answered in order (CREATED, DUPLICATE, REJECTED with its problem code).
     */
    @PostMapping("/batch")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    DeliveryBatchResponse batch(@Valid @RequestBody DeliveryBatchRequest request, Caller caller) {
        return deliveries.scheduleBatch(request.deliveries(), caller);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    DeliveryResponse get(@PathVariable UUID id, Caller caller) {
        return deliveries.get(id, caller);
    }

    /** The school (its own deliveries) or an officer records what arrived. */
    @PostMapping("/{id}/receipt")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    DeliveryResponse receive(@PathVariable UUID id, @Valid @RequestBody ReceiptRequest request, Caller caller) {
        return deliveries.receive(id, request, caller);
    }

}
