package in.mdm.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A plain Server-Sent Events client for the tests: reads the stream on a thread of its
 * own and queues each event.
 */
final class SseClient implements AutoCloseable {

    record Event(String id, String event, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private final HttpResponse<Stream<String>> response;

    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static SseClient open(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .header("Accept", "text/event-stream")
            .GET();
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
            .send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stream answered " + response.statusCode());
        }
        return new SseClient(response);
    }

    HttpResponse<Stream<String>> response() {
        return response;
    }

    private void read() {
        String[] current = new String[3];
        StringBuilder data = new StringBuilder();
        try {
            response.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (current[1] != null || !data.isEmpty()) {
                        events.add(new Event(current[0], current[1], data.toString()));
                    }
                    current[0] = null;
                    current[1] = null;
                    data.setLength(0);
                    return;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> current[0] = value;
                    case "event" -> current[1] = value;
                    case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                    default -> {
                    }
                }
            });
        }
        catch (RuntimeException closed) {
            // the test closed the stream
        }
    }

    /** The next event, or {@code null} after the timeout. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event that matches, skipping others; {@code null} after the timeout. */
    Event next(Predicate<Event> matching, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Event e = events.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (e != null && matching.test(e)) {
                return e;
            }
        }
        return null;
    }

    /** Every event that arrives within the window. */
    List<Event> during(Duration window) throws InterruptedException {
        List<Event> all = new ArrayList<>();
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < end) {
            Event e = events.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (e != null) {
                all.add(e);
            }
        }
        return all;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        }
        catch (RuntimeException ignored) {
            // gone
        }
        reader.interrupt();
    }

}
