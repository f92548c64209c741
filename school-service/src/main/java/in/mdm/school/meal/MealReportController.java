package in.mdm.school.meal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/meals/reports")
class MealReportController {

    private final MealReportService reports;

    private final AreaFilters areas;

    MealReportController(MealReportService reports, AreaFilters areas) {
        this.reports = reports;
        this.areas = areas;
    }

    /**
     * 201 with the new report, or 200 with the stored one when the client report id was
     * sent before.
     */
    @PostMapping
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    ResponseEntity<MealReportResponse> report(@Valid @RequestBody MealReportRequest request, Caller caller) {
        MealReportService.Outcome outcome = reports.submit(request, ReportChannel.APP, caller);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
            .location(URI.create("/api/v1/meals/reports/" + outcome.report().id()))
            .body(outcome.report());
    }

    @PostMapping("/batch")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    BatchResponse batch(@Valid @RequestBody BatchRequest request, Caller caller) {
        return reports.submitBatch(request.reports(), ReportChannel.APP, caller);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    MealReportResponse get(@PathVariable UUID id, Caller caller) {
        return reports.find(id, caller);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    PageResponse<MealReportResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{11}",
                    message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, null, null, udiseCode);
        return reports.page(udiseCode, from, to, caller, page, size);
    }

    /** An officer's correction, audited. */
    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    MealReportResponse correct(@PathVariable UUID id, @Valid @RequestBody CorrectionRequest request, Caller caller) {
        return reports.correct(id, request, caller);
    }

    @GetMapping("/{id}/corrections")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    List<CorrectionResponse> corrections(@PathVariable UUID id, Caller caller) {
        return reports.corrections(id, caller);
    }

}
