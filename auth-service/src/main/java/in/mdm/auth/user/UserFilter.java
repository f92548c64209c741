package in.mdm.auth.user;

import in.mdm.auth.role.Role;
import in.mdm.events.Jurisdiction.Level;

/** What a user list is narrowed to; a null component matches everything. */
record UserFilter(Role role, UserStatus status, Level jurisdictionLevel, String jurisdictionCode) {
}
