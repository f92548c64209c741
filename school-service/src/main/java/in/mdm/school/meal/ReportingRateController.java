package in.mdm.school.meal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.masterdata.MasterData;

/**
 * Reporting rate and timeliness of daily meal reports, in an area (a district or a block, which must lie inside the
 * caller's jurisdiction: another's is a 404 like an unknown one) or, with neither, the caller's whole jurisdiction.
 */
@RestController
class ReportingRateController {

    /** A school lies in its district and block. */
    private static final JurisdictionScope.Columns SCHOOL = JurisdictionScope.Columns.located("s.district_code", "s.block_code",
            "s.udise_code");

    private static final String AREA_FILTERS = """
            s.pm_poshan_eligible
              and (cast(:district as varchar) is null or s.district_code = :district)
              and (cast(:block as varchar) is null or s.block_code = :block)""";
    private static final String AREA = "schools s\nwhere " + AREA_FILTERS;

    private final JdbcClient jdbc;
    private final MasterData masterData;
    private final int cutoffHour;

    ReportingRateController(JdbcClient jdbc, MasterData masterData,
            @Value("${mdm.school.meals.on-time-cutoff-hour:14}") int cutoffHour) {
        this.jdbc = jdbc;
        this.masterData = masterData;
        this.cutoffHour = cutoffHour;
    }

    @GetMapping("/api/v1/meals/reporting-rate")
    @PreAuthorize("hasAnyRole('OFFICER','ADMIN')")
    @Transactional(readOnly = true)
    ReportingRateResponse rate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD block code") String blockCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        if (districtCode != null && blockCode != null) {
            throw ApiException.badRequest("meal.rate.one-area", "districtCode, blockCode: give one of them, or neither for the state");
        }
        JurisdictionScope jurisdiction = JurisdictionScope.of(caller);
        masterData.requireArea(districtCode, blockCode, jurisdiction);
        Instant cutoff = date.atTime(cutoffHour, 0).atZone(MealReportService.INDIA).toInstant();
        JurisdictionScope.Condition within = jurisdiction.where(SCHOOL);
        long[] counts = jdbc.sql("""
                select count(*), count(m.id), count(m.id) filter (where m.received_at <= :cutoff)
                from %s and %s
                """.formatted(AREA.replace("schools s\n", "schools s left join meal_reports m on m.udise_code = s.udise_code and m.report_date = :date\n"), within.sql()))
                .params(within.params()).param("district", districtCode).param("block", blockCode)
                .param("date", date).param("cutoff", Timestamp.from(cutoff))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        PageResponse<ReportingRateResponse.NonReporter> nonReporters = PagedQuery.select(jdbc,
                        "s.udise_code, s.name, s.district_code, s.block_code, s.headmaster_name, s.headmaster_phone",
                        "schools s", within)
                .where(AREA_FILTERS + " and not exists (select 1 from meal_reports m where m.udise_code = s.udise_code and m.report_date = :date)")
                .param("district", districtCode).param("block", blockCode).param("date", date)
                .orderBy("s.district_code, s.block_code, s.udise_code")
                .fetch(page, size, (rs, i) -> new ReportingRateResponse.NonReporter(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        long schools = counts[0];
        return new ReportingRateResponse(date, districtCode, blockCode, cutoff, schools, counts[1], counts[2],
                counts[1] - counts[2], schools - counts[1], share(counts[1], schools), share(counts[2], schools), nonReporters);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
