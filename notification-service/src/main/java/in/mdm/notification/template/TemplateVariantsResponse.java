package in.mdm.notification.template;

import java.util.List;

/** Every channel and language variant of one kind of notification. */
public record TemplateVariantsResponse(String code, List<TemplateResponse> variants) {
}
