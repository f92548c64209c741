package in.mdm.ml.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/ml/models")
class ModelController {

    static final String NAME = "[a-z][a-z0-9-]{1,63}";
    static final String NAME_MESSAGE = "must be a model name: lower-case letters, digits and hyphens";
    static final String VERSION = "[0-9A-Za-z][0-9A-Za-z._-]{0,31}";
    static final String VERSION_MESSAGE = "must be a model version: letters, digits, dots, hyphens, underscores";

    private final ModelService models;

    ModelController(ModelService models) {
        this.models = models;
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
