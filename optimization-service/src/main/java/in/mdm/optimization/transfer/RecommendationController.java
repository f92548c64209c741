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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

/**
 * The optimizer: calculations, their recommendations, and decisions on transfer plans.
 */
@RestController
@RequestMapping("/api/v1/optimization")
class RecommendationController {

    private final RecommendationService recommendations;

    private final AreaFilters areas;

    RecommendationController(RecommendationService recommendations, AreaFilters areas) {
        this.recommendations = recommendations;
        this.areas = areas;
    }

    @PostMapping("/calculate")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    ResponseEntity<OptimizationRun> calculate(@Valid @RequestBody CalculateRequest request, Caller caller) {
        OptimizationRun run = recommendations.calculate(request, caller);
        return ResponseEntity.accepted().location(URI.create("/api/v1/optimization/calculate/" + run.id())).body(run);
    }

    @GetMapping("/calculate/{id}")
    OptimizationRun run(@PathVariable UUID id, Caller caller) {
        return recommendations.run(id, caller);
    }

    @GetMapping("/recommendations")
    PageResponse<TransferResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,8}",
                    message = "must be a district code of up to 8 digits") String districtCode,
            @RequestParam(required = false) TransferStatus status, @RequestParam(required = false) Commodity commodity,
            @RequestParam(required = false) UUID runId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, null, null);
        return recommendations
            .recommendations(new RecommendationFilter(status, commodity, districtCode, runId), caller, page, size)
            .map(TransferResponse::of);
    }

    @PutMapping("/approve/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    TransferResponse approve(@PathVariable UUID id, Caller caller) {
        return TransferResponse.of(recommendations.approve(id, caller));
    }

    @PutMapping("/reject/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    TransferResponse reject(@PathVariable UUID id, @Valid @RequestBody RejectRequest request, Caller caller) {
        return TransferResponse.of(recommendations.reject(id, request.reason(), caller));
    }

}
