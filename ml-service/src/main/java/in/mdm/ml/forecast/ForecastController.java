package in.mdm.ml.forecast;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.ml.MlProblems;
import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/ml/forecast")
class ForecastController {

    static final String UDISE = "\\d{11}";

    static final String LGD = "\\d{1,8}";

    private final ForecastService forecasts;

    private final AreaFilters areas;

    ForecastController(ForecastService forecasts, AreaFilters areas) {
        this.forecasts = forecasts;
        this.areas = areas;
    }

    /**
     * A school's meals demand for its next 7 school days, with intervals and components.
     */
    @GetMapping("/{udiseCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    DemandForecast school(
            @PathVariable @Pattern(regexp = UDISE, message = "must be an 11-digit UDISE code") String udiseCode,
            Caller caller) {
        return forecasts.forecast(udiseCode, caller);
    }

    /** The latest forecasts of a jurisdiction's schools, by UDISE code. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    PageResponse<DemandForecast> list(
            @RequestParam(required = false) @Pattern(regexp = LGD,
                    message = "must be an LGD code (digits)") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = LGD,
                    message = "must be an LGD code (digits)") String blockCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, blockCode, null);
        return forecasts.page(districtCode, blockCode, caller, page, size);
    }

    /** Starts a run forecasting every school (the daily run does the same). */
    @PostMapping("/runs")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<ForecastRun> start(Caller caller) {
        UUID id = forecasts.start(caller.username() == null ? caller.subject() : caller.username());
        ForecastRun run = forecasts.run(id).orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/ml/forecast/runs/" + id)).body(run);
    }

    @GetMapping("/runs/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ForecastRun run(@PathVariable UUID id) {
        return forecasts.run(id)
            .orElseThrow(() -> ApiException.notFound(MlProblems.FORECAST_RUN_NOT_FOUND, "No forecast run " + id));
    }

}
