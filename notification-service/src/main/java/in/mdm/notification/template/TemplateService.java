package in.mdm.notification.template;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.notification.NotificationProblems;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class TemplateService {

    private final TemplateRepository templates;

    TemplateService(TemplateRepository templates) {
        this.templates = templates;
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

}
