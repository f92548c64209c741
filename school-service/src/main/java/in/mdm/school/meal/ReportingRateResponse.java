package in.mdm.school.meal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import in.mdm.platform.web.PageResponse;

/**
 * Reporting on one school day in an area (the state, a district or a block) among PM
 * POSHAN schools: shares of schools that reported on time (by the cut-off, Asia/Kolkata),
 * late, or not at all, with the non-reporters.
 */
public record ReportingRateResponse(LocalDate date, String districtCode, String blockCode, Instant onTimeCutoff,
        long schools, long reported, long onTime, long late, long notReported, BigDecimal reportingRate,
        BigDecimal onTimeRate, PageResponse<NonReporter> nonReporters) {

    public record NonReporter(String udiseCode, String name, String districtCode, String blockCode,
            String headmasterName, String headmasterPhone) {
    }
}
