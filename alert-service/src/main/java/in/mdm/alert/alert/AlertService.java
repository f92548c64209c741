package in.mdm.alert.alert;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.alert.AlertProblems;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class AlertService {

    private final AlertRepository alerts;

    AlertService(AlertRepository alerts) {
        this.alerts = alerts;
    }

    @Transactional(readOnly = true)
    Alert get(UUID id, Caller caller) {
        // another jurisdiction's alert is not found, exactly like one that does not exist
        return alerts.find(id, visible(caller))
            .orElseThrow(() -> ApiException.notFound(AlertProblems.ALERT_NOT_FOUND, "No alert with id " + id));
    }

    /**
     * The alerts a caller may see: the state all; a district those of the district, its
     * blocks and its schools; a block those of the block and its schools; a headmaster
     * those of the school.
     */
    private static JurisdictionScope.Condition visible(Caller caller) {
        return JurisdictionScope.of(caller).where(AlertRepository.PLACE);
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<Alert> page(AlertFilter filter, Caller caller, int page, int size) {
        return alerts.page(filter, visible(caller), page, size);
    }

}
