package in.mdm.auth.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction;
import in.mdm.events.Jurisdiction.Level;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PlatformProblems;

/**
 * A role with its jurisdiction and the user's location: a district officer lies in its
 * district, a block officer in its block (and the district the block belongs to), a
 * headmaster in the district and block of its school. Built from request fields; a field
 * that does not fit is a 400 naming it.
 */
record Placement(Role role, Jurisdiction jurisdiction, String districtCode, String blockCode) {

    static Placement of(Role role, Level level, String code, String districtCode, String blockCode) {
        List<Map<String, Object>> errors = new ArrayList<>();
        if (!role.allows(level)) {
            throw invalid("jurisdictionLevel",
                    "a user of role " + role + " works at level " + role.jurisdictionLevels());
        }
        else {
            String format = switch (level) {
                case STATE -> "[0-9]{1,2}";
                case DISTRICT, BLOCK -> "[0-9]{1,6}";
                case SCHOOL -> "[0-9]{11}";
            };
            if (!code.matches(format)) {
                errors.add(error("jurisdictionCode", switch (level) {
                    case STATE -> "must be the state's LGD code";
                    case DISTRICT, BLOCK -> "must be an LGD code";
                    case SCHOOL -> "must be an 11-digit UDISE code";
                }));
            }
        }
        String district = districtCode;
        String block = blockCode;
        switch (level) {
            case STATE -> {
                district = null;
                block = null;
            }
            case DISTRICT -> {
                if (district != null && !district.equals(code)) {
                    errors.add(error("districtCode", "must be the jurisdiction's own district code or empty"));
                }
                district = code;
                block = null;
            }
            case BLOCK -> {
                if (district == null) {
                    errors.add(error("districtCode", "a block officer needs the LGD code of the block's district"));
                }
                if (block != null && !block.equals(code)) {
                    errors.add(error("blockCode", "must be the jurisdiction's own block code or empty"));
                }
                block = code;
            }
            case SCHOOL -> {
                if (district == null) {
                    errors.add(error("districtCode", "a school user needs the LGD code of the school's district"));
                }
                if (block == null) {
                    errors.add(error("blockCode", "a school user needs the LGD code of the school's block"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new Placement(role, new Jurisdiction(level, code), district, block);
    }

    static Map<String, Object> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /**
     * A 400 {@code request.invalid} problem naming the fields, like the platform's
     * validation errors.
     */
    static ApiException invalid(List<Map<String, Object>> errors) {
        ApiException problem = ApiException.badRequest(PlatformProblems.INVALID,
                "Invalid request: " + String.join(", ", errors.stream().map(e -> (String) e.get("field")).toList()));
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    static ApiException invalid(String field, String message) {
        return invalid(List.of(error(field, message)));
    }
}
