package in.mdm.alert.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.PlatformProblems;

@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    /** The longest period statistics cover. */
    static final int MAX_DAYS = 366;

    private final AlertService alerts;

    private final AreaFilters areas;

    AlertController(AlertService alerts, AreaFilters areas) {
        this.alerts = alerts;
        this.areas = areas;
    }

    @GetMapping("/{id}")
    AlertResponse get(@PathVariable UUID id, Caller caller) {
        return AlertResponse.of(alerts.get(id, caller));
    }

    @GetMapping
    PageResponse<AlertResponse> list(@RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) @Pattern(regexp = "[a-z][a-z0-9-]{0,63}",
                    message = "must be an alert type such as risk or stock") String type,
            @RequestParam(required = false) Level scopeLevel,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,11}",
                    message = "must be an LGD or UDISE code") String scopeCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{11}",
                    message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{11}",
                    message = "must be an 11-digit UDISE code") String school,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String district,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD block code") String block,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid("from", "must not be after to");
        }
        // another area's alerts are not found, whichever way the filter names the area
        areas.check(caller, district, block, udiseCode != null ? udiseCode : school);
        areas.check(caller, scopeLevel, scopeCode);
        AlertFilter filter = new AlertFilter(status, severity, type, scopeLevel, scopeCode,
                udiseCode != null ? udiseCode : school, district, block,
                from == null ? null : from.atStartOfDay(AlertService.INDIA).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(AlertService.INDIA).toInstant());
        return alerts.page(filter, caller, page, size).map(AlertResponse::of);
    }

    /** Open and acknowledged alerts the caller has not marked read, newest first. */
    @GetMapping("/unread")
    PageResponse<AlertResponse> unread(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return alerts.unread(caller, page, size).map(AlertResponse::of);
    }

    @PostMapping("/mark-read/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void markRead(@PathVariable UUID id, Caller caller) {
        alerts.markRead(id, caller);
    }

    @PostMapping("/{id}/acknowledge")
    AlertResponse acknowledge(@PathVariable UUID id, Caller caller) {
        return AlertResponse.of(alerts.acknowledge(id, caller));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, Caller caller) {
        alerts.delete(id, caller);
    }

    record StatisticsResponse(LocalDate from, LocalDate to, long total, Map<String, Long> bySeverity,
            Map<String, Long> byType, Map<String, Long> byDistrict, List<DayResponse> perDay) {
    }

    record DayResponse(LocalDate date, long alerts) {
    }

    /**
     * Alerts raised from {@code from} to {@code to} (India's days, inclusive; the last 30
     * days by default) inside the caller's jurisdiction.
     */
    @GetMapping("/statistics")
    StatisticsResponse statistics(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Caller caller) {
        LocalDate end = to != null ? to : alerts.today();
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw invalid("from", "must not be after to");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw invalid("from", "the period is at most " + MAX_DAYS + " days");
        }
        AlertService.Statistics s = alerts.statistics(start, end, caller);
        return new StatisticsResponse(s.from(), s.to(), s.total(), s.bySeverity(), s.byType(), s.byDistrict(),
                s.perDay().stream().map(d -> new DayResponse(d.date(), d.alerts())).toList());
    }

    static ApiException invalid(String field, String message) {
        ApiException invalid = ApiException.badRequest(PlatformProblems.INVALID,
                "Invalid request: " + field + " " + message);
        invalid.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return invalid;
    }

}
