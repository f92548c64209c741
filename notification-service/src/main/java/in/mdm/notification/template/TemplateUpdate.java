package in.mdm.notification.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A template's new text: the subject (none for SMS) and the body, with
 * {@code {{placeholders}}} of its code only.
 */
public record TemplateUpdate(@Size(max = 200) String subject, @NotBlank @Size(max = 10000) String body) {
}
