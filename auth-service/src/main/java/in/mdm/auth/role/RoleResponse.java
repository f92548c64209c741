package in.mdm.auth.role;

import java.util.List;

import in.mdm.events.Jurisdiction.Level;

public record RoleResponse(Role role, String title, List<Level> jurisdictionLevels, String maySee) {

    static RoleResponse of(Role role) {
        return new RoleResponse(role, role.title(), role.jurisdictionLevels(), role.maySee());
    }
}
