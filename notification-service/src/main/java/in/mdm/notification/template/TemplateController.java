package in.mdm.notification.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.web.PageResponse;

@RestController
@RequestMapping("/api/v1/notifications/templates")
class TemplateController {

    private final TemplateService templates;

    TemplateController(TemplateService templates) {
        this.templates = templates;
    }

    @GetMapping("/{code}")
    TemplateVariantsResponse get(@PathVariable @Pattern(regexp = "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+",
            message = "must be a template code such as alert.raised") String code) {
        return new TemplateVariantsResponse(code, templates.variants(code).stream().map(TemplateResponse::of).toList());
    }

    /**
     * The path is checked by the service (its fields named like parameters), so that the
     * body's own constraints are reported field by field.
     */
    @PutMapping("/{code}/{channel}/{language}")
    @PreAuthorize("hasRole('ADMIN')")
    TemplateResponse save(@PathVariable String code, @PathVariable Channel channel, @PathVariable String language,
            @Valid @RequestBody TemplateUpdate update) {
        return TemplateResponse.of(templates.save(code, channel, language, update));
    }

    @GetMapping
    PageResponse<TemplateResponse> list(@RequestParam(required = false) Channel channel,
            @RequestParam(required = false) @Pattern(regexp = "en|ta", message = "must be en or ta") String language,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return templates.page(channel, language, page, size).map(TemplateResponse::of);
    }

}
