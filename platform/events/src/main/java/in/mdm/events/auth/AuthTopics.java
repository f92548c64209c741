package in.mdm.events.auth;

/** Kafka topics of the auth context: Identity events published by auth-service. */
public final class AuthTopics {

    public static final String USERS = "mdm.auth.users";

    private AuthTopics() {
    }

}
