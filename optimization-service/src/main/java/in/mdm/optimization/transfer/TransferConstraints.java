package in.mdm.optimization.transfer;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.optimization.OptimizationProblems;
import in.mdm.platform.web.ConstraintCodes;
import in.mdm.platform.web.ConstraintCodes.Conflict;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlannerProperties.class)
class TransferConstraints {

    @Bean
    ConstraintCodes transferConstraintCodes() {
        return new ConstraintCodes(Map.of("transfer_plans_one_pending_per_route",
                new Conflict(OptimizationProblems.TRANSFER_ALREADY_PROPOSED,
                        "A transfer of this commodity between these schools is already waiting for a decision")));
    }

}
