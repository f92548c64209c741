package in.mdm.alert.alert;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;

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

    @Transactional(readOnly = true)
    List<Alert> page(AlertFilter filter, int page, int size) {
        return alerts.page(filter, page, size);
    }

    @Transactional(readOnly = true)
    long count(AlertFilter filter) {
        return alerts.count(filter);
    }
}
