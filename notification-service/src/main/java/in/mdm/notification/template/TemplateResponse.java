package in.mdm.notification.template;

import java.time.Instant;
import java.util.List;

/** A template with the placeholders a sender must fill. */
public record TemplateResponse(String code, Channel channel, String language, String subject, String body,
        List<String> placeholders, Instant updatedAt) {

    static TemplateResponse of(Template t) {
        return new TemplateResponse(t.code(), t.channel(), t.language(), t.subject(), t.body(),
                List.copyOf(Placeholders.in(t.subject(), t.body())), t.updatedAt());
    }
}
