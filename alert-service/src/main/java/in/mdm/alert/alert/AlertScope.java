package in.mdm.alert.alert;

import java.util.Map;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.security.Caller;

/**
 * Which alerts a caller may see, as SQL over {@code alerts}: the state sees all; a district officer the alerts of
 * the district, of its blocks and of its schools; a block officer those of the block and its schools; a headmaster
 * those of the school. Blocks and schools are placed by the service's copy of school locations.
 */
record AlertScope(String sql, Map<String, Object> params) {

    static AlertScope of(Caller caller, SchoolLocations locations) {
        SchoolLocations.Condition condition = locations.scopeCondition(caller, "alerts.scope_level", "alerts.scope_code",
                "alerts.udise_code", "alert");
        return new AlertScope(condition.sql(), condition.params());
    }

    String and() {
        return " and (" + sql + ")";
    }
}
