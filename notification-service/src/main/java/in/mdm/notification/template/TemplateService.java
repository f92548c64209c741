package in.mdm.notification.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.notification.NotificationProblems;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.platform.web.PlatformProblems;

@Service
public class TemplateService {

    private final TemplateRepository templates;

    private final AuditTrail audit;

    TemplateService(TemplateRepository templates, AuditTrail audit) {
        this.templates = templates;
        this.audit = audit;
    }

    /** Every variant of a code; at least one, or a 404. */
    @Transactional(readOnly = true)
    List<Template> variants(String code) {
        List<Template> variants = templates.variants(code);
        if (variants.isEmpty()) {
            throw ApiException.notFound(NotificationProblems.TEMPLATE_NOT_FOUND,
                    "No notification template with code " + code);
        }
        return variants;
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<Template> page(Channel channel, String language, int page, int size) {
        return templates.page(channel, language, page, size);
    }

    /**
     * Creates or replaces one variant of a code the service sends (ADMIN): the subject
     * rule of its channel, the placeholders of its code only, an SMS whose fixed text
     * fits in {@value #SMS_MAX_PARTS} parts.
     */
    @Transactional
    Template save(String code, Channel channel, String language, TemplateUpdate update) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            errors.add(error("code", "must be a template code such as alert.raised", code));
        }
        if (!"en".equals(language) && !"ta".equals(language)) {
            errors.add(error("language", "must be en or ta", language));
        }
        if (!errors.isEmpty()) {
            ApiException invalid = ApiException.badRequest(PlatformProblems.INVALID, "Invalid request: "
                    + String.join(", ", errors.stream().map(e -> (String) e.get("field")).toList()));
            invalid.getBody().setProperty("errors", errors);
            throw invalid;
        }
        if (!TemplateCodes.known(code)) {
            throw ApiException.notFound(NotificationProblems.TEMPLATE_NOT_FOUND,
                    "The service sends no notification with code " + code);
        }
        String subject = update.subject() == null || update.subject().isBlank() ? null : update.subject();
        if ((channel == Channel.SMS) != (subject == null)) {
            throw ApiException.badRequest(NotificationProblems.TEMPLATE_SUBJECT, channel == Channel.SMS
                    ? "An SMS template has no subject" : "A " + channel + " template needs a subject");
        }
        Set<String> allowed = TemplateCodes.placeholders(code);
        SortedSet<String> unknown = new TreeSet<>(Placeholders.in(subject, update.body()));
        unknown.removeAll(allowed);
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(NotificationProblems.TEMPLATE_UNKNOWN_PLACEHOLDER,
                    "Unknown placeholders " + unknown + " for " + code + "; it may use " + new TreeSet<>(allowed));
        }
        if (channel == Channel.SMS) {
            SmsParts.Count fixed = SmsParts.of(PLACEHOLDER.matcher(update.body()).replaceAll(""));
            if (fixed.parts() > SMS_MAX_PARTS) {
                throw ApiException.badRequest(NotificationProblems.TEMPLATE_SMS_TOO_LONG,
                        "The SMS text without its placeholders takes " + fixed.parts() + " parts (" + fixed.units()
                                + " characters as " + fixed.encoding() + "); keep it within " + SMS_MAX_PARTS);
            }
        }
        Template before = templates.find(code, channel, language).orElse(null);
        Template saved = templates.save(code, channel, language, subject, update.body());
        audit.record(
                AuditEntry.changed("template.save", "template", code + "/" + channel + "/" + language, before, saved));
        return saved;
    }

    /**
     * The template filled with the values (a placeholder without a value becomes empty),
     * in the language asked for, else in English; empty when the code has no template on
     * this channel.
     */
    @Transactional(readOnly = true)
    public Optional<Rendered> render(String code, Channel channel, String language, Map<String, String> values) {
        Optional<Template> template = templates.find(code, channel, language);
        if (template.isEmpty() && !"en".equals(language)) {
            template = templates.find(code, channel, "en");
        }
        return template
            .map(t -> new Rendered(code, channel, t.language(), fill(t.subject(), values), fill(t.body(), values)));
    }

    static final int SMS_MAX_PARTS = 2;

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private static Map<String, Object> error(String field, String message, Object rejected) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        error.put("rejectedValue", rejected);
        return error;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

}
