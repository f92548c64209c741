package in.mdm.ml.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.security.Caller;
import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/ml/models")
class ModelController {

    static final String NAME = "[a-z][a-z0-9-]{1,63}";
    static final String NAME_MESSAGE = "must be a model name: lower-case letters, digits and hyphens";
    static final String VERSION = "[0-9A-Za-z][0-9A-Za-z._-]{0,31}";
    static final String VERSION_MESSAGE = "must be a model version: letters, digits, dots, hyphens, underscores";

    private final ModelService models;

    private final ModelRegistry registry;

    ModelController(ModelService models, ModelRegistry registry) {
        this.models = models;
        this.registry = registry;
    }

    /** Serves the version that served before the active one again (audited). */
    @PostMapping("/{name}/rollback")
    @PreAuthorize("hasRole('ADMIN')")
    ModelResponse rollback(@PathVariable @Pattern(regexp = NAME, message = NAME_MESSAGE) String name, Caller caller) {
        String version = registry.rollback(name, caller.username() == null ? caller.subject() : caller.username());
        return ModelResponse.of(models.get(name, version));
    }

    /**
     * Every registration, promotion, rejection, retirement and rollback of a model,
     * newest first.
     */
    @GetMapping("/{name}/audit")
    java.util.List<ModelRegistry.AuditEntry> audit(
            @PathVariable @Pattern(regexp = NAME, message = NAME_MESSAGE) String name) {
        return registry.audits(name);
    }

    @GetMapping("/{name}/{version}")
    ModelResponse get(@PathVariable @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @PathVariable @Pattern(regexp = VERSION, message = VERSION_MESSAGE) String version) {
        return ModelResponse.of(models.get(name, version));
    }

    @GetMapping
    PageResponse<ModelResponse> list(
            @RequestParam(required = false) @Pattern(regexp = NAME, message = NAME_MESSAGE) String name,
            @RequestParam(required = false) ModelStatus status, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return models.page(name, status, page, size).map(ModelResponse::of);
    }

}
