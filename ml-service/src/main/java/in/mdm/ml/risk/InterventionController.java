package in.mdm.ml.risk;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/ml/interventions")
class InterventionController {

    record AcceptRequest(
            @NotNull @Pattern(regexp = RiskController.UDISE, message = RiskController.UDISE_MESSAGE) String udiseCode,
            @NotNull Intervention kind, @Size(max = 500) String note) {
    }

    private final InterventionService interventions;

    private final AreaFilters areas;

    InterventionController(InterventionService interventions, AreaFilters areas) {
        this.interventions = interventions;
        this.areas = areas;
    }

    /** Ranked interventions for the caller's schools most at risk. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    List<InterventionService.Recommendation> recommend(
            @RequestParam(required = false) @Pattern(regexp = RiskController.LGD,
                    message = RiskController.LGD_MESSAGE) String districtCode,
            @RequestParam(required = false) @Pattern(regexp = RiskController.LGD,
                    message = RiskController.LGD_MESSAGE) String blockCode,
            @RequestParam(required = false) Intervention kind,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit, Caller caller) {
        areas.check(caller, districtCode, blockCode, null);
        return interventions.recommend(districtCode, blockCode, kind, limit, caller);
    }

    /** Accepts an intervention for a school, to be tracked to its outcome. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    AcceptedIntervention accept(@Valid @RequestBody AcceptRequest request, Caller caller) {
        return interventions.accept(request.udiseCode(), request.kind(), request.note(), caller);
    }

    /**
     * Interventions accepted within the caller's jurisdiction, newest first, with their
     * outcomes.
     */
    @GetMapping("/accepted")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    PageResponse<AcceptedIntervention> accepted(
            @RequestParam(required = false) @Pattern(regexp = RiskController.LGD,
                    message = RiskController.LGD_MESSAGE) String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "ACCEPTED|EVALUATED",
                    message = "must be ACCEPTED or EVALUATED") String status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, null, null);
        return interventions.accepted(districtCode, status, caller, page, size);
    }

}
