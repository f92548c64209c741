package in.mdm.school.school;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;

@RestController
@RequestMapping("/api/v1/schools")
class SchoolController {

    private static final String UDISE = "[0-9]{11}";

    private static final String UDISE_MESSAGE = "must be an 11-digit UDISE code";

    private final SchoolService schools;

    private final AreaFilters areas;

    SchoolController(SchoolService schools, AreaFilters areas) {
        this.schools = schools;
        this.areas = areas;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<SchoolResponse> register(@Valid @RequestBody RegisterSchoolRequest request) {
        School school = schools.register(request);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.udiseCode()))
            .body(SchoolResponse.of(school));
    }

    @PutMapping("/{udiseCode}")
    @PreAuthorize("hasRole('ADMIN')")
    SchoolResponse update(@PathVariable @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode,
            @Valid @RequestBody UpdateSchoolRequest request, Caller caller) {
        return SchoolResponse.of(schools.update(udiseCode, request, caller));
    }

    /**
     * One school, with an ETag of its last change: a client that sends it back in
     * {@code If-None-Match} gets a 304 without the body ({@code Cache-Control: private,
     * no-cache}: kept by the client, asked again each time).
     */
    @GetMapping("/{udiseCode}")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    ResponseEntity<SchoolResponse> get(@PathVariable @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode,
            Caller caller) {
        School school = schools.get(udiseCode, caller);
        return ResponseEntity.ok()
            .eTag("\"" + school.udiseCode() + "-" + school.updatedAt().toEpochMilli() + "\"")
            .cacheControl(org.springframework.http.CacheControl.noCache().cachePrivate())
            .body(SchoolResponse.of(school));
    }

    /**
     * @param headmasterPhone the schools whose headmaster has this phone number, in any
     * form ({@code +919840000003}, {@code 9840000003}, {@code 09840000003}; a {@code +}
     * left unencoded in the query arrives as a space, which is taken for it), found
     * through its blind index
     * @param sort {@code <field>} or {@code <field>,asc|desc}; fields: udiseCode, name,
     * districtCode, blockCode, category, management, updatedAt
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    PageResponse<SchoolResponse> list(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD block code") String blockCode,
            @RequestParam(required = false) SchoolCategory category,
            @RequestParam(required = false) Management management,
            @RequestParam(required = false) Boolean pmPoshanEligible,
            @RequestParam(required = false) @Size(min = 2, max = 100) String q,
            @RequestParam(required = false) @Pattern(regexp = "[ +]?[0-9]{10,13}",
                    message = "must be a phone number: 10 to 13 digits, optionally after + (+919840000003)") String headmasterPhone,
            @RequestParam(defaultValue = "udiseCode") @Pattern(regexp = "[a-zA-Z]+(,(asc|desc))?",
                    message = "must be <field>[,asc|desc]") String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        // another area's schools are not found, rather than an empty page
        areas.check(caller, districtCode, blockCode, null);
        String[] parts = sort.split(",");
        String column = SchoolRepository.SORTS.get(parts[0]);
        if (column == null) {
            throw ApiException.badRequest(SchoolProblems.BAD_SORT,
                    "sort: unknown field " + parts[0] + "; one of " + SchoolRepository.SORTS.keySet());
        }
        String direction = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "ASC";
        String orderBy = column + " " + direction + (column.equals("udise_code") ? "" : ", udise_code");
        return schools
            .page(new SchoolFilter(districtCode, blockCode, category, management, q, pmPoshanEligible, headmasterPhone),
                    caller, orderBy, page, size)
            .map(SchoolResponse::of);
    }

    @PutMapping("/{udiseCode}/enrollments/{academicYear}")
    @PreAuthorize("hasRole('ADMIN')")
    EnrollmentResponse setEnrollment(@PathVariable @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode,
            @PathVariable String academicYear, @Valid @RequestBody EnrollmentRequest request, Caller caller) {
        return schools.setEnrollment(udiseCode, academicYear, request, caller);
    }

    @GetMapping("/{udiseCode}/enrollments")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    List<EnrollmentResponse> enrollments(
            @PathVariable @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode, Caller caller) {
        return schools.enrollments(udiseCode, caller);
    }

}
