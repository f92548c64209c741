package in.mdm.platform.web;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Clients for the outside systems a service calls (the treasury, an SMS gateway, a
 * weather service): HTTP/1.1 with time limits, and redirects neither followed nor taken
 * for success. An outside system answering 3xx could otherwise send our request, its body
 * and headers (API keys, idempotency keys) to an address inside the cluster, or have a
 * payment counted as sent when nothing was paid; its answer is refused instead, as a
 * {@link RedirectRefused} the caller handles as it handles any refusal.
 */
public final class OutboundHttp {

    private OutboundHttp() {
    }

    /**
     * The builder (a clone of it) with a request factory that never follows a redirect
     * and a handler that refuses every 3xx answer.
     */
    public static RestClient.Builder client(RestClient.Builder builder, Duration connectTimeout, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        return builder.clone()
            .requestFactory(requests)
            .defaultStatusHandler(HttpStatusCode::is3xxRedirection, (request, response) -> {
                throw new RedirectRefused(response.getStatusCode(), response.getHeaders());
            });
    }

    /** An outside system answered with a redirect, which was not followed. */
    public static final class RedirectRefused extends RestClientResponseException {

        private static final long serialVersionUID = 1L;

        RedirectRefused(HttpStatusCode status, HttpHeaders headers) {
            super("Redirect refused (" + status.value() + " to " + location(headers)
                    + "): answers of outside systems are not followed", status, "", headers, new byte[0],
                    StandardCharsets.UTF_8);
        }

        private static String location(HttpHeaders headers) {
            String location = headers.getFirst(HttpHeaders.LOCATION);
            return location == null ? "nowhere" : location;
        }

    }

}
