package in.mdm.auth;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.OpenApiSweep;

/**
 * Every operation auth-service documents: 401 without a token (but sign-in, activation,
 * password reset and the token endpoint, open by design), 400 problems for parameters and
 * bodies that are not what it documents, never a 5xx.
 */
@AuthIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

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

}
