package in.mdm.school.inspection;

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
@RequestMapping("/api/v1/inspections")
class InspectionController {

    private final InspectionService inspections;

    private final AreaFilters areas;

    InspectionController(InspectionService inspections, AreaFilters areas) {
        this.inspections = inspections;
        this.areas = areas;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    ResponseEntity<InspectionResponse> record(@Valid @RequestBody InspectionRequest request, Caller caller) {
        InspectionResponse inspection = inspections.record(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + inspection.id())).body(inspection);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    InspectionResponse get(@PathVariable UUID id, Caller caller) {
        return inspections.get(id, caller);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    PageResponse<InspectionResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{11}",
                    message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        areas.check(caller, null, null, udiseCode);
        return inspections.page(udiseCode, caller, page, size);
    }

}
