package in.mdm.alert.alert;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @GetMapping("/{id}")
    AlertResponse get(@PathVariable UUID id, Caller caller) {
        return AlertResponse.of(alerts.get(id, caller));
    }

    @GetMapping
    PageResponse<AlertResponse> list(@RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) Severity severity, @RequestParam(required = false) Level scopeLevel,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,11}",
                    message = "must be an LGD or UDISE code") String scopeCode,
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{11}",
                    message = "must be an 11-digit UDISE code") String udiseCode,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        AlertFilter filter = new AlertFilter(status, severity, scopeLevel, scopeCode, udiseCode);
        return alerts.page(filter, caller, page, size).map(AlertResponse::of);
    }

}
