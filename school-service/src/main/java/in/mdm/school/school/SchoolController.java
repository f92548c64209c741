package in.mdm.school.school;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/schools")
class SchoolController {

    private final SchoolService schools;

    SchoolController(SchoolService schools) {
        this.schools = schools;
    }

    @PostMapping
    ResponseEntity<SchoolResponse> register(@Valid @RequestBody RegisterSchoolRequest request) {
        School school = schools.register(request);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.udiseCode())).body(SchoolResponse.of(school));
    }

    @GetMapping("/{udiseCode}")
    SchoolResponse get(@PathVariable @Pattern(regexp = "[0-9]{11}", message = "must be an 11-digit UDISE code") String udiseCode) {
        return SchoolResponse.of(schools.get(udiseCode));
    }

    @GetMapping
    PageResponse<SchoolResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return schools.page(districtCode, blockCode, page, size).map(SchoolResponse::of);
    }
}
