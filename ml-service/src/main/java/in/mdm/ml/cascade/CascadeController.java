package in.mdm.ml.cascade;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

@RestController
@RequestMapping("/api/v1/ml/cascade")
class CascadeController {

    private final CascadeService cascades;

    CascadeController(CascadeService cascades) {
        this.cascades = cascades;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    CascadeResponse district(@RequestParam @NotBlank @Pattern(regexp = "\\d{1,8}",
            message = "must be an LGD code (digits)") String districtCode, Caller caller) {
        return cascades.district(districtCode, caller);
    }

    @GetMapping("/nodes/{kind}/{code}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    CascadeResponse.NodeResponse node(
            @PathVariable @Pattern(regexp = "(?i)school|kitchen|supplier",
                    message = "must be one of school, kitchen, supplier") String kind,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}",
                    message = "must be a code of letters, digits and dashes (up to 40)") String code,
            Caller caller) {
        return cascades.node(SupplyGraph.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), code, caller);
    }

}
