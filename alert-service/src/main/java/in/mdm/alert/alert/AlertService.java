package in.mdm.alert.alert;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class AlertService {

    private final AlertRepository alerts;

    AlertService(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @Transactional(readOnly = true)
    Alert get(UUID id) {
        return alerts.find(id).orElseThrow(() -> ApiException.notFound("alert.not-found", "No alert with id " + id));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<Alert> page(AlertFilter filter, int page, int size) {
        return alerts.page(filter, page, size);
    }
}
