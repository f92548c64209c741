package in.mdm.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract against a stand-in service with one resource in district 585 ({@code a1})
 * and one in 588 ({@code b1}): it passes when the service keeps jurisdiction, and names
 * the endpoint when a read or a list leaks, or when a read is refused to its own
 * district.
 */
class JurisdictionContractTests {

    enum Behaviour {

        CORRECT, READ_LEAKS, LIST_LEAKS, TOO_STRICT

    }

    static final Map<String, String> DISTRICT_OF = Map.of("a1", "585", "b1", "588");

    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aServiceKeepingJurisdictionPasses() throws IOException {
        assertThatCode(() -> contract(Behaviour.CORRECT).verify()).doesNotThrowAnyException();
    }

    @Test
    void aReadAnsweringAnotherDistrictFails() throws IOException {
        assertThatThrownBy(() -> contract(Behaviour.READ_LEAKS).verify()).isInstanceOf(AssertionError.class)
            .hasMessageContaining("GET /things/a1 as the officer of district 588")
            .hasMessageContaining("GET /things/a1 as the officer of block 6338");
    }

    @Test
    void aListShowingAnotherDistrictsRowsFails() throws IOException {
        assertThatThrownBy(() -> contract(Behaviour.LIST_LEAKS).verify()).isInstanceOf(AssertionError.class)
            .hasMessageContaining("GET /things as the officer of district 588 lists no row outside its jurisdiction")
            .hasMessageNotContaining("GET /things/a1");
    }

    @Test
    void aServiceHidingEverythingFailsToo() throws IOException {
        assertThatThrownBy(() -> contract(Behaviour.TOO_STRICT).verify()).isInstanceOf(AssertionError.class)
            .hasMessageContaining("GET /things/a1 as the officer of district 585")
            .hasMessageContaining("GET /things as the state ADMIN lists its own rows");
    }

    @Test
    void aListWithoutARowOfTheDistrictCannotBeChecked() {
        assertThatThrownBy(() -> JurisdictionContract.at("http://localhost:1")
            .list("/things", "$.items[*]", Set.of(), Set.of("b1"))).isInstanceOf(IllegalArgumentException.class);
    }

    private JurisdictionContract contract(Behaviour behaviour) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/things", exchange -> answer(exchange, behaviour));
        server.start();
        return JurisdictionContract.at("http://localhost:" + server.getAddress().getPort())
            .districts("585", "588")
            .read("/things/a1")
            .list("/things", "$.items[*].id", Set.of("a1"), Set.of("b1"))
            .outsider("the officer of block 6338", TestTokens.blockOfficer("6338"));
    }

    private static void answer(HttpExchange exchange, Behaviour behaviour) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            send(exchange, 401, "application/problem+json", "{\"status\":401,\"code\":\"auth.unauthenticated\"}");
            return;
        }
        String payload = new String(
                Base64.getUrlDecoder().decode(authorization.substring("Bearer ".length()).split("\\.")[1]),
                StandardCharsets.UTF_8);
        String level = JsonPath.read(payload, "$.jurisdiction.level");
        String code = JsonPath.read(payload, "$.jurisdiction.code");
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/things")) {
            StringBuilder items = new StringBuilder();
            DISTRICT_OF.forEach((id, district) -> {
                if (behaviour == Behaviour.LIST_LEAKS || sees(behaviour, level, code, district)) {
                    items.append(items.isEmpty() ? "" : ",").append("{\"id\":\"").append(id).append("\"}");
                }
            });
            send(exchange, 200, "application/json", "{\"items\":[" + items + "]}");
            return;
        }
        String id = path.substring("/things/".length());
        String district = DISTRICT_OF.get(id);
        if (district != null && (behaviour == Behaviour.READ_LEAKS || sees(behaviour, level, code, district))) {
            send(exchange, 200, "application/json", "{\"id\":\"" + id + "\"}");
        }
        else {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"code\":\"thing.not-found\"}");
        }
    }

    private static boolean sees(Behaviour behaviour, String level, String code, String district) {
        if (behaviour == Behaviour.TOO_STRICT) {
            return false;
        }
        return level.equals("STATE") || level.equals("DISTRICT") && code.equals(district);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

}
