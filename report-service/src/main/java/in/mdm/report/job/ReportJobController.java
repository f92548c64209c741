package in.mdm.report.job;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.report.ReportProblems;
import in.mdm.report.template.PeriodKind;
import in.mdm.report.template.ReportType;

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

    /**
     * Queues a report over the period of {@code period} that holds {@code from}: 202 with
     * the job (its progress) and its address.
     */
    @GetMapping("/generate")
    ResponseEntity<ReportJobResponse> generate(@RequestParam ReportType type, @RequestParam PeriodKind period,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam Level scope,
            @RequestParam @Pattern(regexp = "[0-9]{1,11}", message = "must be an LGD or UDISE code") String code,
            @RequestParam ReportFormat format,
            @RequestParam(defaultValue = "en") @Pattern(regexp = "en|ta", message = "must be en or ta") String language,
            @RequestParam(required = false) @Size(
                    max = 40) List<@Pattern(regexp = "[a-z_]{1,40}", message = "must be a column key") String> columns,
            Caller caller) {
        ReportJob job = jobs.generate(
                new ReportJobService.Generate(type, period, from, scope, code, format, language, columns), caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
            .location(URI.create("/api/v1/reports/" + job.id()))
            .body(ReportJobResponse.of(job));
    }

    /** The file of a READY report, with its media type and a file name. */
    @GetMapping("/download/{id}")
    ResponseEntity<Resource> download(@PathVariable UUID id, Caller caller) {
        ReportJob job = jobs.downloadable(id, caller);
        Path file = Path.of(job.filePath());
        if (!Files.isReadable(file)) {
            throw new ApiException(HttpStatus.GONE, ReportProblems.FILE_GONE,
                    "The file of report " + id + " is no longer stored; generate it again");
        }
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(job.mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(job.fileName()).build().toString())
            .body(new FileSystemResource(file));
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

    /** The reports inside the caller's jurisdiction, newest first: the seed's history. */
    @GetMapping("/history")
    PageResponse<ReportJobResponse> history(@RequestParam(required = false) JobStatus status,
            @RequestParam(required = false) ReportType reportType,
            @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9._-]{2,63}",
                    message = "must be a username") String requestedBy,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return list(status, reportType, requestedBy, page, size, caller);
    }

}
