package in.mdm.school.meal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;
import in.mdm.school.masterdata.MasterData;

/**
 * Reporting rate and timeliness of daily meal reports, in an area (a district or a block,
 * which must lie inside the caller's jurisdiction: another's is a 404 like an unknown
 * one) or, with neither, the caller's whole jurisdiction.
 */
@RestController
class ReportingRateController {

    private final ReportingRateRepository reports;

    private final MasterData masterData;

    private final int cutoffHour;

    ReportingRateController(ReportingRateRepository reports, MasterData masterData,
            @Value("${mdm.school.meals.on-time-cutoff-hour:14}") int cutoffHour) {
        this.reports = reports;
        this.masterData = masterData;
        this.cutoffHour = cutoffHour;
    }

    @GetMapping("/api/v1/meals/reporting-rate")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    @Transactional(readOnly = true)
    ReportingRateResponse rate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD block code") String blockCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        if (districtCode != null && blockCode != null) {
            throw ApiException.badRequest(SchoolProblems.REPORTING_RATE_ONE_AREA,
                    "districtCode, blockCode: give one of them, or neither for the state");
        }
        JurisdictionScope jurisdiction = JurisdictionScope.of(caller);
        masterData.requireArea(districtCode, blockCode, jurisdiction);
        Instant cutoff = date.atTime(cutoffHour, 0).atZone(MealReportService.INDIA).toInstant();
        ReportingRateRepository.Counts counts = reports.counts(date, districtCode, blockCode, cutoff, jurisdiction);
        PageResponse<ReportingRateResponse.NonReporter> nonReporters = reports.nonReporters(date, districtCode,
                blockCode, jurisdiction, page, size);
        long schools = counts.schools();
        return new ReportingRateResponse(date, districtCode, blockCode, cutoff, schools, counts.reported(),
                counts.onTime(), counts.reported() - counts.onTime(), schools - counts.reported(),
                share(counts.reported(), schools), share(counts.onTime(), schools), nonReporters);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

}
