package in.mdm.ml.weather;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/ml/weather")
class WeatherController {

    static final String LGD = "\\d{1,8}";

    static final String LGD_MESSAGE = "must be an LGD code (digits)";

    private final WeatherService weather;

    private final AreaFilters areas;

    WeatherController(WeatherService weather, AreaFilters areas) {
        this.weather = weather;
        this.areas = areas;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    WeatherResponse district(@RequestParam @NotNull @Pattern(regexp = LGD, message = LGD_MESSAGE) String districtCode,
            Caller caller) {
        return weather.district(districtCode, caller);
    }

    @GetMapping("/warnings")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    PageResponse<WeatherResponse.Warning> warnings(
            @RequestParam(required = false) @Pattern(regexp = LGD, message = LGD_MESSAGE) String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "HEAVY_RAIN|HEAT|CYCLONE",
                    message = "must be one of HEAVY_RAIN, HEAT, CYCLONE") String kind,
            @RequestParam(required = false) Boolean active, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, null, null);
        return weather.warnings(districtCode, kind, active, caller, page, size);
    }

}
