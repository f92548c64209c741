package in.mdm.alert.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

/** The alert rules of this deployment: any role reads them, ADMIN edits them. */
@RestController
@RequestMapping("/api/v1/alerts/rules")
class RuleController {

    private final AlertService alerts;

    RuleController(AlertService alerts) {
        this.alerts = alerts;
    }

    record RuleResponse(String code, String eventType, String alertType, Severity severity, String field,
            BigDecimal minValue, BigDecimal maxValue, String status, boolean enabled, String description,
            Instant updatedAt, String updatedBy) {

        static RuleResponse of(Rule r) {
            return new RuleResponse(r.code(), r.eventType(), r.alertType(), r.severity(), r.field(), r.minValue(),
                    r.maxValue(), r.status(), r.enabled(), r.description(), r.updatedAt(), r.updatedBy());
        }
    }

    /**
     * A rule's new settings: severity, the band of its number ({@code minValue}
     * inclusive, {@code maxValue} exclusive, either open with null), the status the event
     * must carry (null for any), and whether it is on.
     */
    record RuleUpdate(@NotNull Severity severity, BigDecimal minValue, BigDecimal maxValue,
            @Pattern(regexp = "[A-Z][A-Z_]{0,31}",
                    message = "must be an event status such as LOW or STOCK_OUT") String status,
            @NotNull Boolean enabled) {
    }

    @GetMapping
    List<RuleResponse> rules() {
        return alerts.rules().stream().map(RuleResponse::of).toList();
    }

    @GetMapping("/{code}")
    RuleResponse rule(@PathVariable String code) {
        return RuleResponse.of(alerts.rule(code));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    RuleResponse update(@PathVariable String code, @Valid @RequestBody RuleUpdate update, Caller caller) {
        return RuleResponse.of(alerts.updateRule(code, update.severity(), update.minValue(), update.maxValue(),
                update.status(), update.enabled(), caller));
    }

}
