package in.mdm.school.stock;

import java.util.List;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.jobs.UploadJobs;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/stock")
class StockController {

    private static final String UDISE = "[0-9]{11}";

    private static final String UDISE_MESSAGE = "must be an 11-digit UDISE code";

    private final StockService stock;

    private final StockRecount recount;

    StockController(StockService stock, StockRecount recount) {
        this.stock = stock;
        this.recount = recount;
    }

    @GetMapping("/schools/{udiseCode}")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    List<StockBalanceResponse> balances(
            @PathVariable @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode, Caller caller) {
        return stock.balances(udiseCode, caller);
    }

    @GetMapping("/schools/{udiseCode}/ledger")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    PageResponse<LedgerEntryResponse> ledger(
            @PathVariable @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode,
            @RequestParam(required = false) Commodity commodity, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return stock.ledger(udiseCode, commodity, caller, page, size);
    }

    @PostMapping("/schools/{udiseCode}/adjustments")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    List<StockBalanceResponse> adjust(@PathVariable @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode,
            @Valid @RequestBody AdjustmentRequest request, Caller caller) {
        return stock.adjust(udiseCode, request, caller);
    }

    @GetMapping("/norms")
    List<NormResponse> norms() {
        return stock.norms();
    }

    @PutMapping("/norms/{commodity}")
    @PreAuthorize("hasRole('ADMIN')")
    NormResponse setNorm(@PathVariable Commodity commodity, @Valid @RequestBody NormRequest request, Caller caller) {
        return stock.setNorm(commodity, request, caller);
    }

    /**
     * Publishes StockCounted for every school's and kitchen's balance, as a job: 202 +
     * {@code Location} of its progress.
     */
    @PostMapping("/recount")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<StockRecountResponse> recount(Caller caller) {
        StockRecountResponse job = recount.start(caller.username());
        return UploadJobs.accepted("/api/v1/stock/recount/" + job.id(), job);
    }

    @GetMapping("/recount/{jobId}")
    @PreAuthorize("hasRole('ADMIN')")
    StockRecountResponse recount(@PathVariable UUID jobId) {
        return recount.get(jobId);
    }

}
