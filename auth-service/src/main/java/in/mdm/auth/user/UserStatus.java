package in.mdm.auth.user;

public enum UserStatus {

    /** Created; waits for the user to set a password with the activation token. */
    PENDING_ACTIVATION, ACTIVE,
    /** Locked after repeated failed sign-ins. */
    LOCKED, DISABLED

}
