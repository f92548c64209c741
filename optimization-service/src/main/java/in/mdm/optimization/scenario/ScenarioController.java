package in.mdm.optimization.scenario;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/optimization/scenarios")
class ScenarioController {

    /** Levels of a run's results. */
    enum Level {

        SCHOOL, BLOCK, DISTRICT

    }

    private final ScenarioService scenarios;

    ScenarioController(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OFFICER')")
    ResponseEntity<ScenarioResponse> run(@Valid @RequestBody RunScenarioRequest request, Caller caller) {
        ScenarioRun run = scenarios.submit(request, caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
            .location(URI.create("/api/v1/optimization/scenarios/" + run.id()))
            .body(ScenarioResponse.of(run, null));
    }

    @GetMapping("/{id}")
    ScenarioResponse get(@PathVariable UUID id, Caller caller) {
        return scenarios.get(id, caller);
    }

    @GetMapping
    PageResponse<ScenarioResponse> list(@RequestParam(required = false) ScenarioStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return scenarios.page(status, caller, page, size).map(run -> ScenarioResponse.of(run, null));
    }

    @GetMapping("/{id}/results")
    PageResponse<ResultResponse> results(@PathVariable UUID id, @RequestParam(defaultValue = "SCHOOL") Level level,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size, Caller caller) {
        return scenarios.results(id, level.name(), caller, page, size);
    }

}
