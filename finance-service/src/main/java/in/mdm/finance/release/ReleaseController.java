package in.mdm.finance.release;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/financial/releases")
class ReleaseController {

    private final ReleaseService releases;

    private final AreaFilters areas;

    ReleaseController(ReleaseService releases, AreaFilters areas) {
        this.releases = releases;
        this.areas = areas;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER')")
    @ResponseStatus(HttpStatus.CREATED)
    ReleaseResponse request(@Valid @RequestBody RequestReleaseRequest request, Caller caller) {
        return ReleaseResponse.of(releases.request(request, caller));
    }

    @PostMapping("/{releaseId}/approve")
    @PreAuthorize("hasAnyRole('OFFICER','SCHOOL')")
    ReleaseResponse approve(@PathVariable UUID releaseId, Caller caller) {
        return ReleaseResponse.of(releases.approve(releaseId, caller));
    }

    @PostMapping("/{releaseId}/reject")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    ReleaseResponse reject(@PathVariable UUID releaseId, @Valid @RequestBody RejectReleaseRequest request,
            Caller caller) {
        return ReleaseResponse.of(releases.reject(releaseId, request, caller));
    }

    @GetMapping("/{releaseId}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    ReleaseResponse get(@PathVariable UUID releaseId, Caller caller) {
        return ReleaseResponse.of(releases.get(releaseId, caller));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    PageResponse<ReleaseResponse> history(@RequestParam(required = false) UUID allocationId,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{11}",
                    message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam(required = false) @Pattern(regexp = "PENDING|RELEASED|REJECTED",
                    message = "must be PENDING, RELEASED or REJECTED") String status,
            @RequestParam(required = false) @Pattern(regexp = "DISTRICT|BLOCK|SCHOOL",
                    message = "must be DISTRICT, BLOCK or SCHOOL") String pendingLevel,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, null, null, udiseCode);
        return releases
            .history(allocationId, udiseCode, status == null ? null : ReleaseStatus.valueOf(status),
                    pendingLevel == null ? null : ApprovalLevel.valueOf(pendingLevel), caller, page, size)
            .map(ReleaseResponse::of);
    }

    /**
     * The pending-release dashboard of the caller's jurisdiction: per level, count,
     * amount and the oldest request.
     */
    @GetMapping("/pending")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    List<PendingLevelResponse> pending(Caller caller) {
        return releases.pending(caller).stream().map(PendingLevelResponse::of).toList();
    }

}
