package in.mdm.school.stock;

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
import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;

@RestController
@RequestMapping("/api/v1/stock/transfers")
class TransferController {

    private final TransferService transfers;

    TransferController(TransferService transfers) {
        this.transfers = transfers;
    }

    /**
     * 201 with {@code Location} when the stock moved; 200 with the earlier transfer when
     * its {@code clientReference} comes again; 409 {@code stock.insufficient} when the
     * sender has too little (nothing moved).
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    ResponseEntity<TransferResponse> transfer(@Valid @RequestBody TransferRequest request, Caller caller) {
        TransferService.Outcome outcome = transfers.transfer(request, caller);
        if (outcome.refusal() != null) {
            throw ApiException.conflict(SchoolProblems.STOCK_INSUFFICIENT,
                    "Nothing was transferred: " + outcome.refusal());
        }
        URI location = URI.create("/api/v1/stock/transfers/" + outcome.transfer().transferId());
        return outcome.created() ? ResponseEntity.created(location).body(outcome.transfer())
                : ResponseEntity.ok().location(location).body(outcome.transfer());
    }

    @GetMapping("/{transferId}")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    TransferResponse get(@PathVariable UUID transferId, Caller caller) {
        return transfers.get(transferId, caller);
    }

}
