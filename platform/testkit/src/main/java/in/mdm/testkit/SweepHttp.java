package in.mdm.testkit;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends a sweep's request and reads its answer as text; a failure names the request. */
final class SweepHttp {

    private SweepHttp() {
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        String what = request.method() + " " + request.uri().getRawPath();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(what + ": " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", ex);
        }
    }

}
