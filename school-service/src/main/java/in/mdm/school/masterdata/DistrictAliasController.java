package in.mdm.school.masterdata;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
class DistrictAliasController {

    private static final String DISTRICT = "[0-9]{1,6}";

    private static final String DISTRICT_MESSAGE = "must be an LGD district code";

    private final DistrictAliases aliases;

    DistrictAliasController(DistrictAliases aliases) {
        this.aliases = aliases;
    }

    @GetMapping("/api/v1/districts/aliases")
    PageResponse<DistrictAliasResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,2}",
                    message = "must be an LGD state code") String stateCode,
            @RequestParam(required = false) @Pattern(regexp = DISTRICT, message = DISTRICT_MESSAGE) String districtCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        return aliases.list(stateCode, districtCode, page, size);
    }

    @PostMapping("/api/v1/districts/{code}/aliases")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<DistrictAliasResponse> add(
            @PathVariable @Pattern(regexp = DISTRICT, message = DISTRICT_MESSAGE) String code,
            @Valid @RequestBody AliasRequest request, Caller caller) {
        DistrictAliasResponse added = aliases.add(code, request.alias(), caller.username());
        return ResponseEntity.created(URI.create("/api/v1/districts/" + code + "/aliases/"
                + UriUtils.encodePathSegment(added.alias(), StandardCharsets.UTF_8)))
            .body(added);
    }

    @DeleteMapping("/api/v1/districts/{code}/aliases/{alias}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> remove(@PathVariable @Pattern(regexp = DISTRICT, message = DISTRICT_MESSAGE) String code,
            @PathVariable @Size(max = 100) String alias) {
        aliases.remove(code, alias);
        return ResponseEntity.noContent().build();
    }

}
