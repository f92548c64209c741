package in.mdm.alert.alert;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.alert.AlertProblems;
import in.mdm.platform.web.ConstraintCodes;
import in.mdm.platform.web.ConstraintCodes.Conflict;

@Configuration(proxyBeanMethods = false)
class AlertConstraints {

    @Bean
    ConstraintCodes alertConstraintCodes() {
        return new ConstraintCodes(Map.of("alerts_source_event_id_key",
                new Conflict(AlertProblems.DUPLICATE_SOURCE_EVENT, "An alert was already raised from this event")));
    }

}
