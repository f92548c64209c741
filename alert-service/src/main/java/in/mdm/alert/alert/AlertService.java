package in.mdm.alert.alert;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class AlertService {

    private final AlertRepository alerts;
    private final SchoolLocations locations;

    AlertService(AlertRepository alerts, SchoolLocations locations) {
        this.alerts = alerts;
        this.locations = locations;
    }

    @Transactional(readOnly = true)
    Alert get(UUID id, Caller caller) {
        // another jurisdiction's alert is not found, exactly like one that does not exist
        return alerts.find(id, AlertScope.of(caller, locations)).orElseThrow(() -> ApiException.notFound("alert.not-found", "No alert with id " + id));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<Alert> page(AlertFilter filter, Caller caller, int page, int size) {
        return alerts.page(filter, AlertScope.of(caller, locations), page, size);
    }
}
