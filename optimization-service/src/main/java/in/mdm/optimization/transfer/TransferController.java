package in.mdm.optimization.transfer;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/optimization/transfers")
class TransferController {

    private final TransferService transfers;

    private final AreaFilters areas;

    TransferController(TransferService transfers, AreaFilters areas) {
        this.transfers = transfers;
        this.areas = areas;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    ResponseEntity<TransferResponse> propose(@Valid @RequestBody ProposeTransferRequest request, Caller caller) {
        TransferPlan plan = transfers.propose(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/optimization/transfers/" + plan.id()))
            .body(TransferResponse.of(plan));
    }

    @GetMapping("/{id}")
    TransferResponse get(@PathVariable UUID id, Caller caller) {
        return TransferResponse.of(transfers.get(id, caller));
    }

    @GetMapping
    PageResponse<TransferResponse> list(@RequestParam(required = false) TransferStatus status,
            @RequestParam(required = false) Commodity commodity,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{11}",
                    message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, null, null, udiseCode);
        TransferFilter filter = new TransferFilter(status, commodity, udiseCode);
        return transfers.page(filter, caller, page, size).map(TransferResponse::of);
    }

}
