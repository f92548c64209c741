package in.mdm.school.meal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;

/** The school holiday calendar (data, not code). */
@RestController
class HolidayController {

    private final HolidayRepository holidays;

    HolidayController(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    @PostMapping("/api/v1/meals/holidays")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<HolidayResponse> add(@Valid @RequestBody HolidayRequest request) {
        if (request.districtCode() != null && !holidays.districtExists(request.districtCode())) {
            throw ApiException.badRequest(SchoolProblems.UNKNOWN_DISTRICT,
                    "districtCode: no district " + request.districtCode());
        }
        UUID id = UUID.randomUUID();
        try {
            holidays.insert(id, request.date(), request.districtCode(), request.name().strip());
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict(SchoolProblems.HOLIDAY_DUPLICATE,
                    "A holiday is already set for this date and district");
        }
        return ResponseEntity.created(URI.create("/api/v1/meals/holidays/" + id))
            .body(new HolidayResponse(id, request.date(), request.districtCode(), request.name().strip()));
    }

    @GetMapping("/api/v1/meals/holidays")
    @PreAuthorize("hasAnyRole('SCHOOL','OFFICER','ADMIN')")
    List<HolidayResponse> list(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from) || from.plusDays(400).isBefore(to)) {
            throw ApiException.badRequest(SchoolProblems.HOLIDAY_BAD_RANGE,
                    "from, to: at most 400 days, from before to");
        }
        return holidays.between(from, to);
    }

}
