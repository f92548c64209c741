package in.mdm.school.importer;

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

@RestController
@RequestMapping("/api/v1/schools/import")
class ImportController {

    private static final String WHO = "hasRole('ADMIN') or hasAuthority('SCOPE_schools:import')";

    private final ImportJobs jobs;

    ImportController(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** The CSV as the body ({@code text/csv}). */
    @PostMapping(consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE })
    @PreAuthorize(WHO)
    ResponseEntity<ImportJobResponse> importBody(HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean createMissingBlocks,
            @RequestParam(required = false) String academicYear, Caller caller) throws IOException {
        return accepted(
                jobs.submit(request.getInputStream(), null, academicYear, createMissingBlocks, caller.username()));
    }

    /** The CSV as the multipart part {@code file}. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WHO)
    ResponseEntity<ImportJobResponse> importFile(@RequestPart(value = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean createMissingBlocks,
            @RequestParam(required = false) String academicYear, Caller caller) throws IOException {
        if (file == null) {
            throw ApiException.badRequest(SchoolProblems.IMPORT_NO_FILE,
                    "file: the multipart request has no part named file");
        }
        return accepted(jobs.submit(file.getInputStream(), file.getOriginalFilename(), academicYear,
                createMissingBlocks, caller.username()));
    }

    private static ResponseEntity<ImportJobResponse> accepted(ImportJobResponse job) {
        return UploadJobs.accepted("/api/v1/schools/import/" + job.id(), job);
    }

    /** Import jobs, newest first. */
    @GetMapping
    @PreAuthorize(WHO)
    PageResponse<ImportJobResponse> list(@RequestParam(required = false) ImportStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return jobs.list(status, page, size);
    }

    @GetMapping("/{jobId}")
    @PreAuthorize(WHO)
    ImportJobResponse job(@PathVariable UUID jobId) {
        return jobs.get(jobId);
    }

    @GetMapping("/{jobId}/rejects")
    @PreAuthorize(WHO)
    void rejects(@PathVariable UUID jobId, HttpServletResponse response) throws IOException {
        jobs.requireSucceeded(jobId);
        // the CSV printer flushes and closes the writer
        jobs.writeRejects(jobId, UploadJobs.csvDownload(response, "rejects-" + jobId + ".csv"));
    }

}
