package in.mdm.school.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mdm.school.inspections.*}.
 *
 * @param firstDueDays a school never inspected is due this many days after its
 * registration
 */
@ConfigurationProperties("mdm.school.inspections")
record InspectionProperties(@DefaultValue("90") int firstDueDays) {
}
