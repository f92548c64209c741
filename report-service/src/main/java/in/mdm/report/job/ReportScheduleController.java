package in.mdm.report.job;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;

@RestController
@RequestMapping("/api/v1/reports")
class ReportScheduleController {

    private final ReportScheduleService schedules;

    ReportScheduleController(ReportScheduleService schedules) {
        this.schedules = schedules;
    }

    /** A report on a cron schedule: 201 with the schedule and its next firing. */
    @PostMapping("/schedule")
    ResponseEntity<ReportScheduleResponse> schedule(@Valid @RequestBody ScheduleReportRequest request, Caller caller) {
        ReportScheduleResponse created = schedules.schedule(request, caller);
        return ResponseEntity.created(URI.create("/api/v1/reports/schedule/" + created.id())).body(created);
    }

}
