package in.mdm.report.job;

import java.net.URI;
import java.util.UUID;

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

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/reports")
class ReportJobController {

    private final ReportJobService jobs;

    ReportJobController(ReportJobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    ResponseEntity<ReportJobResponse> request(@Valid @RequestBody RequestReportRequest request, Caller caller) {
        ReportJob job = jobs.request(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/reports/" + job.id())).body(ReportJobResponse.of(job));
    }

    @GetMapping("/{id}")
    ReportJobResponse get(@PathVariable UUID id, Caller caller) {
        return ReportJobResponse.of(jobs.get(id, caller));
    }

    @GetMapping
    PageResponse<ReportJobResponse> list(@RequestParam(required = false) JobStatus status,
            @RequestParam(required = false) ReportType reportType,
            @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}",
                    message = "must be a username") String requestedBy,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        ReportJobFilter filter = new ReportJobFilter(status, reportType, requestedBy);
        return jobs.page(filter, caller, page, size).map(ReportJobResponse::of);
    }

}
