package in.mdm.school.supply;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
class SupplyController {

    private final SupplyService supply;

    private final AreaFilters areas;

    SupplyController(SupplyService supply, AreaFilters areas) {
        this.supply = supply;
        this.areas = areas;
    }

    @PostMapping("/api/v1/kitchens")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<KitchenResponse> createKitchen(@Valid @RequestBody KitchenRequest request) {
        KitchenResponse kitchen = supply.createKitchen(request);
        return ResponseEntity.created(URI.create("/api/v1/kitchens/" + kitchen.id())).body(kitchen);
    }

    @PutMapping("/api/v1/kitchens/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    KitchenResponse updateKitchen(@PathVariable UUID id, @Valid @RequestBody KitchenRequest request, Caller caller) {
        return supply.updateKitchen(id, request, caller);
    }

    @PutMapping("/api/v1/suppliers/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    SupplierResponse updateSupplier(@PathVariable UUID id, @Valid @RequestBody SupplierRequest request) {
        return supply.updateSupplier(id, request);
    }

    @GetMapping("/api/v1/kitchens/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    KitchenResponse kitchen(@PathVariable UUID id, Caller caller) {
        return supply.kitchen(id, caller);
    }

    @GetMapping("/api/v1/kitchens")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    PageResponse<KitchenResponse> kitchens(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD block code") String blockCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, blockCode, null);
        return supply.kitchens(districtCode, blockCode, caller, page, size);
    }

    @PostMapping("/api/v1/suppliers")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SupplierResponse> createSupplier(@Valid @RequestBody SupplierRequest request) {
        SupplierResponse supplier = supply.createSupplier(request);
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + supplier.id())).body(supplier);
    }

    @GetMapping("/api/v1/suppliers/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    SupplierResponse supplier(@PathVariable UUID id) {
        return supply.supplier(id);
    }

    @GetMapping("/api/v1/suppliers")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    PageResponse<SupplierResponse> suppliers(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) SupplierKind kind, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return supply.suppliers(districtCode, kind, page, size);
    }

}
