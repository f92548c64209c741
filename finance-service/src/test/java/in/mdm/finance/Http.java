package in.mdm.finance;

import java.util.Map;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * HTTP calls to the service under test as one caller (a bearer token of
 * {@code TestTokens}), or as nobody.
 */
public final class Http {

    private final TestRestTemplate rest;

    private Http(TestRestTemplate rest) {
        this.rest = rest;
    }

    public static Http as(int port, String token) {
        RestTemplateBuilder builder = new RestTemplateBuilder().rootUri("http://localhost:" + port);
        if (token != null) {
            builder = builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return new Http(new TestRestTemplate(builder));
    }

    public static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    public <T> ResponseEntity<T> get(String path, Class<T> type) {
        return rest.getForEntity(path, type);
    }

    public <T> T getForObject(String path, Class<T> type) {
        return rest.getForObject(path, type);
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> get(String path) {
        return rest.getForEntity(path, Map.class);
    }

    public <T> ResponseEntity<T> post(String path, String body, Class<T> type) {
        return rest.postForEntity(path, json(body), type);
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> post(String path, String body) {
        return rest.postForEntity(path, json(body), Map.class);
    }

    public <T> ResponseEntity<T> put(String path, String body, Class<T> type) {
        return rest.exchange(path, HttpMethod.PUT, json(body), type);
    }

    @SuppressWarnings("rawtypes")
    public ResponseEntity<Map> put(String path, String body) {
        return rest.exchange(path, HttpMethod.PUT, json(body), Map.class);
    }

    public <T> ResponseEntity<T> postForEntity(String path, HttpEntity<?> entity, Class<T> type) {
        return rest.postForEntity(path, entity, type);
    }

    public <T> ResponseEntity<T> getForEntity(String path, Class<T> type) {
        return rest.getForEntity(path, type);
    }

}
