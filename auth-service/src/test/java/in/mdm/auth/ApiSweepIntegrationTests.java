package in.mdm.auth;

import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.OpenApiSweep;

/**
 * Every operation auth-service documents: 401 without a token (but sign-in, activation,
 * password reset and the token endpoint, open by design), 400 problems for parameters and
 * bodies that are not what it documents, never a 5xx; a headmaster's account of another
 * area is a 404 to every officer outside it.
 */
@AuthIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    static final String SCHOOL = "33020100101";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    /** auth-service takes only the tokens it issued: its own users of each role. */
    @Override
    protected String token(String caller) {
        Api api = new Api(http, jdbc);
        return switch (caller) {
            case "ADMIN" -> api.token(api.admin());
            case "OFFICER" -> api.token(api.districtOfficer("603"));
            case "SCHOOL" -> api.token(api.school("33030100101", "603", "6301"));
            default -> null;
        };
    }

    @Override
    protected OpenApiSweep configure(OpenApiSweep sweep) {
        Api api = new Api(http, jdbc);
        return sweep.admin(api.token(api.admin()))
            .open("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/activate", "/api/v1/auth/reset-password",
                    "/api/v1/auth/token", "/.well-known/");
    }

    /**
     * The headmaster's account of a Chennai school (district 568, block 6301), which the
     * district's officers manage; the owner and the outsiders are users of this service
     * signed in, as it takes only its own tokens.
     */
    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        Api api = new Api(http, jdbc);
        Api.TestUser headmaster = api.school(SCHOOL, "568", "6301");
        return sweep.owner(api.token(api.districtOfficer("568")))
            .outsider("Coimbatore's officer", api.token(api.districtOfficer("569")))
            .outsider("the officer of block 6302 in the same district",
                    api.token(api.user("OFFICER", "BLOCK", "6302", "568", "6302")))
            .outsider("another school's headmaster", api.token(api.school("33020200201", "568", "6302")))
            .value("id", headmaster.id().toString())
            .value("jurisdictionLevel", "SCHOOL")
            .value("jurisdictionCode", SCHOOL)
            .body("PUT /api/v1/auth/users/{id}/role",
                    "{\"role\":\"SCHOOL\",\"jurisdictionLevel\":\"SCHOOL\",\"jurisdictionCode\":\"" + SCHOOL
                            + "\",\"districtCode\":\"568\",\"blockCode\":\"6302\"}")
            .unbound(matching("/api/v1/auth/(login|refresh|activate|reset-password(/confirm)?|token)"),
                    "open by design: sign-in, activation, password reset and client tokens come before any "
                            + "jurisdiction")
            .unbound(matching("/api/v1/auth/(me|password|logout|mfa/.*)"),
                    "the caller's own account and sessions, found by the token alone")
            .unbound(matching("/api/v1/auth/(keys|clients|audit|audit-trail|field-keys)(/.*)?"),
                    "ADMIN-only state operations: signing keys, machine clients, the audit logs, key rotation")
            .unbound(matching("/api/v1/auth/roles"), "the state's catalog of roles")
            .unbound("POST /api/v1/auth/register",
                    "a new account names its area in its body; outside the officer's jurisdiction it is refused "
                            + "403 auth.outside-jurisdiction (AccountIntegrationTests)");
    }

    private static java.util.function.Predicate<String> matching(String path) {
        Pattern pattern = Pattern.compile("[A-Z]+ " + path);
        return operation -> pattern.matcher(operation).matches();
    }

}
