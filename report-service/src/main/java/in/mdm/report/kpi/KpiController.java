package in.mdm.report.kpi;

import java.time.LocalDate;

import jakarta.validation.constraints.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.security.Caller;
import in.mdm.report.template.PeriodKind;

@RestController
@RequestMapping("/api/v1/reports")
class KpiController {

    private final KpiService kpis;

    KpiController(KpiService kpis) {
        this.kpis = kpis;
    }

    /** Dashboard figures of a scope inside the caller's jurisdiction over a period. */
    @GetMapping("/kpis")
    KpiResponse kpis(@RequestParam Level scope,
            @RequestParam @Pattern(regexp = "[0-9]{1,11}", message = "must be an LGD or UDISE code") String code,
            @RequestParam(defaultValue = "MONTHLY") PeriodKind period,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, Caller caller) {
        return kpis.kpis(scope, code, period, from, caller);
    }

}
