package in.mdm.alert.alert;

import java.util.Map;

import in.mdm.platform.security.Caller;

/**
 * Which alerts a caller may see, as SQL over {@code alerts}: the state sees all; a district officer the alerts of
 * the district, of its blocks and of its schools; a block officer those of the block and its schools; a headmaster
 * those of the school. Blocks and schools are placed in their district by the service's copy of school locations
 * ({@code school_locations}).
 */
record AlertScope(String sql, Map<String, Object> params) {

    static AlertScope of(Caller caller) {
        if (caller.jurisdiction() == null) {
            return new AlertScope("false", Map.of());
        }
        Map<String, Object> code = Map.of("callerCode", caller.jurisdiction().code());
        return switch (caller.jurisdiction().level()) {
            case STATE -> new AlertScope("true", Map.of());
            case DISTRICT -> new AlertScope("""
                    (scope_level = 'DISTRICT' and scope_code = :callerCode)
                    or (scope_level = 'BLOCK' and exists (select 1 from school_locations l
                        where l.block_code = alerts.scope_code and l.district_code = :callerCode))
                    or (udise_code is not null and exists (select 1 from school_locations l
                        where l.udise_code = alerts.udise_code and l.district_code = :callerCode))""", code);
            case BLOCK -> new AlertScope("""
                    (scope_level = 'BLOCK' and scope_code = :callerCode)
                    or (udise_code is not null and exists (select 1 from school_locations l
                        where l.udise_code = alerts.udise_code and l.block_code = :callerCode))""", code);
            case SCHOOL -> new AlertScope("udise_code = :callerCode", code);
        };
    }

    String and() {
        return " and (" + sql + ")";
    }
}
