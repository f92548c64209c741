package in.mdm.auth.user;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction;

/** A user to create, checked. */
record NewUser(String username, String email, String phone, String displayName, Role role, Jurisdiction jurisdiction,
        String districtCode, String blockCode, String preferredLanguage) {
}
