package in.mdm.school.stock;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

@RestController
@RequestMapping("/api/v1/stock/kitchens")
class KitchenStockController {

    private final KitchenStockService kitchens;

    KitchenStockController(KitchenStockService kitchens) {
        this.kitchens = kitchens;
    }

    @GetMapping("/{kitchenId}")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    List<KitchenStockResponse> balances(@PathVariable UUID kitchenId, Caller caller) {
        return kitchens.balances(kitchenId, caller);
    }

    @GetMapping("/{kitchenId}/ledger")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    List<LedgerEntryResponse> ledger(@PathVariable UUID kitchenId, Caller caller) {
        return kitchens.ledger(kitchenId, caller);
    }

    @PostMapping("/{kitchenId}/adjustments")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    List<KitchenStockResponse> adjust(@PathVariable UUID kitchenId, @Valid @RequestBody AdjustmentRequest request,
            Caller caller) {
        return kitchens.adjust(kitchenId, request, caller);
    }

}
