package in.mdm.school.meal;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import in.mdm.platform.jobs.UploadJobs;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;

/**
 * Bulk meal report files from aggregators: {@code 202} and a job to follow, as the UDISE
 * import does.
 */
@RestController
@RequestMapping("/api/v1/meals/reports/bulk")
class MealBulkController {

    private static final String WHO = "hasRole('ADMIN') or hasAuthority('SCOPE_meals:write')";

    private final MealBulkJobs jobs;

    MealBulkController(MealBulkJobs jobs) {
        this.jobs = jobs;
    }

    /** The file as the body: {@code text/csv} or {@code application/x-ndjson}. */
    @PostMapping(consumes = { "text/csv", "application/x-ndjson", "application/jsonl", "application/json-lines",
            MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
    @PreAuthorize(WHO)
    ResponseEntity<MealBulkJobResponse> body(HttpServletRequest request,
            @RequestParam(defaultValue = "IVRS") ReportChannel channel, Caller caller) throws IOException {
        return accepted(jobs.submit(request.getInputStream(), request.getContentType(), null, channel, caller));
    }

    /** The file as the multipart part {@code file}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    ResponseEntity<MealBulkJobResponse> file(@RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "IVRS") ReportChannel channel, Caller caller) throws IOException {
        if (file == null) {
            throw ApiException.badRequest(SchoolProblems.MEAL_BULK_EMPTY,
                    "file: the multipart request has no part named file");
        }
        return accepted(
                jobs.submit(file.getInputStream(), file.getContentType(), file.getOriginalFilename(), channel, caller));
    }

    private static ResponseEntity<MealBulkJobResponse> accepted(MealBulkJobResponse job) {
        return UploadJobs.accepted("/api/v1/meals/reports/bulk/" + job.id(), job);
    }

    @GetMapping
    @PreAuthorize(WHO)
    PageResponse<MealBulkJobResponse> list(@RequestParam(required = false) MealBulkStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return jobs.page(status, page, size);
    }

    @GetMapping("/{jobId}")
    @PreAuthorize(WHO)
    MealBulkJobResponse job(@PathVariable UUID jobId) {
        return jobs.get(jobId);
    }

    @GetMapping("/{jobId}/rejects")
    @PreAuthorize(WHO)
    void rejects(@PathVariable UUID jobId, HttpServletResponse response) throws IOException {
        jobs.requireSucceeded(jobId);
        // the CSV printer flushes and closes the writer
        jobs.writeRejects(jobId, UploadJobs.csvDownload(response, "meal-rejects-" + jobId + ".csv"));
    }

}
