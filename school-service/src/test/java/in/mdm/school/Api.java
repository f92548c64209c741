package in.mdm.school;

import java.util.Map;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import in.mdm.testkit.TestTokens;

/** Calls the service under test with a bearer token. */
public record Api(TestRestTemplate http, String token) {

    public static Api as(TestRestTemplate http, String token) {
        return new Api(http, token);
    }

    public ResponseEntity<Map> post(String path, String json) {
        return exchange(HttpMethod.POST, path, json, Map.class);
    }

    public ResponseEntity<Map> put(String path, String json) {
        return exchange(HttpMethod.PUT, path, json, Map.class);
    }

    public ResponseEntity<Map> get(String path) {
        return exchange(HttpMethod.GET, path, null, Map.class);
    }

    public <T> ResponseEntity<T> exchange(HttpMethod method, String path, Object body, Class<T> type) {
        HttpHeaders headers = token == null ? new HttpHeaders() : TestTokens.bearer(token);
        if (body instanceof String) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), type);
    }
}
