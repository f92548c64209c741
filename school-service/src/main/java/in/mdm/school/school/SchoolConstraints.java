package in.mdm.school.school;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.platform.web.ConstraintCodes;
import in.mdm.platform.web.ConstraintCodes.Conflict;

@Configuration(proxyBeanMethods = false)
class SchoolConstraints {

    @Bean
    ConstraintCodes schoolConstraintCodes() {
        return new ConstraintCodes(Map.of(
                "schools_pkey", new Conflict("school.duplicate-udise-code", "A school with this UDISE code is already registered")));
    }
}
