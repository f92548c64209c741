package in.mdm.school.school;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import in.mdm.platform.web.ConstraintCodes;
import in.mdm.platform.web.ConstraintCodes.Conflict;
import in.mdm.school.SchoolProblems;

/** The service's unique constraints as 409 problems (one bean for the whole service). */
@Configuration(proxyBeanMethods = false)
class SchoolConstraints {

    @Bean
    ConstraintCodes schoolConstraintCodes() {
        return new ConstraintCodes(Map.of("schools_pkey",
                new Conflict(SchoolProblems.DUPLICATE_UDISE_CODE,
                        "A school with this UDISE code is already registered"),
                "suppliers_code_key",
                new Conflict(SchoolProblems.SUPPLIER_DUPLICATE_CODE, "A supplier with this code already exists"),
                "meal_reports_school_date",
                new Conflict(SchoolProblems.MEAL_REPORT_DUPLICATE, "This school already reported for this date")));
    }

}
