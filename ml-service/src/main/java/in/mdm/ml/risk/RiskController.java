package in.mdm.ml.risk;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.ml.MlProblems;
import in.mdm.ml.model.ModelRegistry;
import in.mdm.ml.model.ModelResponse;
import in.mdm.platform.directory.AreaFilters;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/ml")
class RiskController {

    static final String UDISE = "\\d{11}";

    static final String UDISE_MESSAGE = "must be an 11-digit UDISE code";

    static final String LGD = "\\d{1,8}";

    static final String LGD_MESSAGE = "must be an LGD code (digits)";

    record PredictRequest(@NotNull @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String udiseCode) {
    }

    record BatchRequest(@Pattern(regexp = LGD, message = LGD_MESSAGE) String districtCode,
            @Pattern(regexp = LGD, message = LGD_MESSAGE) String blockCode,
            @Size(max = 5000) List<@NotNull @Pattern(regexp = UDISE, message = UDISE_MESSAGE) String> udiseCodes) {
    }

    record BatchResponse(List<RiskScore> scores, List<String> notFound) {
    }

    record RetrainResponse(UUID id, String status, String stage, int progress, String version, Boolean promoted,
            String error) {

        static RetrainResponse of(ModelRegistry.Job job) {
            return new RetrainResponse(job.id(), job.status(), job.stage(), job.progress(), job.version(),
                    job.promoted(), job.error());
        }
    }

    private final RiskService risks;

    private final RetrainService retraining;

    private final ModelRegistry registry;

    private final AreaFilters areas;

    RiskController(RiskService risks, RetrainService retraining, ModelRegistry registry, AreaFilters areas) {
        this.risks = risks;
        this.areas = areas;
        this.retraining = retraining;
        this.registry = registry;
    }

    @PostMapping("/predict-risk")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    RiskScore predict(@Valid @RequestBody PredictRequest request, Caller caller) {
        return risks.predict(request.udiseCode(), caller);
    }

    @PostMapping("/batch-predict")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    BatchResponse batch(@Valid @RequestBody BatchRequest request, Caller caller) {
        areas.check(caller, request.districtCode(), request.blockCode(), null);
        RiskService.Batch batch = risks.batch(request.districtCode(), request.blockCode(), request.udiseCodes(),
                caller);
        return new BatchResponse(batch.scores(), batch.notFound());
    }

    @GetMapping("/risk")
    @PreAuthorize("hasAnyRole('ADMIN','OFFICER','SCHOOL')")
    PageResponse<RiskScore> list(
            @RequestParam(required = false) @Pattern(regexp = LGD, message = LGD_MESSAGE) String districtCode,
            @RequestParam(required = false) @Pattern(regexp = LGD, message = LGD_MESSAGE) String blockCode,
            @RequestParam(required = false) @Pattern(regexp = "CRITICAL|HIGH|MEDIUM|LOW",
                    message = "must be one of CRITICAL, HIGH, MEDIUM, LOW") String level,
            @RequestParam(defaultValue = "score,desc") @Pattern(
                    regexp = "score,desc|score,asc|udiseCode,asc|udiseCode,desc|forDate,desc",
                    message = "must be one of score,desc, score,asc, udiseCode,asc, udiseCode,desc, forDate,desc") String sort,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        areas.check(caller, districtCode, blockCode, null);
        return risks.page(districtCode, blockCode, level, sort, caller, page, size);
    }

    @GetMapping("/model-metrics")
    ModelResponse metrics() {
        String version = registry.activeVersion(RiskSettings.MODEL)
            .orElseThrow(() -> ApiException.notFound(MlProblems.MODEL_NOT_FOUND,
                    "No active version of " + RiskSettings.MODEL + " in the registry"));
        return registry.find(RiskSettings.MODEL, version)
            .orElseThrow(() -> ApiException.notFound(MlProblems.MODEL_NOT_FOUND,
                    "No model " + RiskSettings.MODEL + " version " + version + " in the registry"));
    }

    @PostMapping("/retrain")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<RetrainResponse> retrain(Caller caller) {
        UUID id = retraining.start(caller.username() == null ? caller.subject() : caller.username());
        ModelRegistry.Job job = registry.job(id).orElseThrow();
        return ResponseEntity.accepted().location(URI.create("/api/v1/ml/retrain/" + id)).body(RetrainResponse.of(job));
    }

    @GetMapping("/retrain/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    RetrainResponse job(@PathVariable UUID id) {
        return registry.job(id)
            .map(RetrainResponse::of)
            .orElseThrow(() -> ApiException.notFound(MlProblems.RETRAIN_NOT_FOUND, "No retraining job " + id));
    }

}
