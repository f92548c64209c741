package in.mdm.alert.alert;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.JurisdictionScope;

/**
 * The live streams of this replica. One dispatcher thread reads the changes committed
 * since the last it saw ({@code alert_changes}, in commit order) whenever it is nudged or
 * every {@code mdm.alerts.stream-poll}, and hands each to the subscribers whose
 * jurisdiction covers the alert; a subscriber joining with a Last-Event-ID first gets the
 * changes after it, read from PostgreSQL under its jurisdiction. Each subscriber has its
 * own writer thread (virtual), so a slow client holds up no one else; one that falls more
 * than {@value #BACKLOG} frames behind is closed and reconnects with its Last-Event-ID.
 */
@Component
class StreamHub implements SmartLifecycle {

    static final int BACKLOG = 10_000;

    private static final int READ = 1_000;

    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final AlertRepository alerts;

    private final AlertSettings settings;

    private final Clock clock;

    private final JsonMapper json;

    private final Semaphore nudges = new Semaphore(0);

    private final ConcurrentLinkedQueue<Subscriber> joining = new ConcurrentLinkedQueue<>();

    private final List<Subscriber> active = new ArrayList<>();

    private final AtomicInteger open = new AtomicInteger();

    private volatile boolean running;

    private volatile long head;

    private Thread dispatcher;

    StreamHub(AlertRepository alerts, AlertSettings settings, Clock clock, JsonMapper json) {
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    /** Something changed: look now. */
    void wake() {
        nudges.release();
    }

    /** Subscribers connected to this replica. */
    int subscribers() {
        return open.get();
    }

    /**
     * Adds a subscriber seeing the jurisdiction's alerts; with {@code lastEventId} it
     * first gets every change after it.
     */
    Subscriber subscribe(Jurisdiction jurisdiction, Long lastEventId, StreamSink sink) {
        Subscriber s = new Subscriber(JurisdictionScope.of(jurisdiction), lastEventId, sink);
        open.incrementAndGet();
        Thread.ofVirtual().name("alert-stream-writer").start(s::write);
        joining.add(s);
        wake();
        return s;
    }

    @Override
    public void start() {
        head = alerts.lastChange();
        running = true;
        dispatcher = Thread.ofPlatform().daemon().name("alert-stream-dispatcher").start(this::dispatch);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (dispatcher != null) {
            try {
                dispatcher.join(5_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (active) {
            active.forEach(Subscriber::close);
            active.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatch() {
        Instant lastBeat = clock.instant();
        while (running) {
            try {
                nudges.tryAcquire(settings.streamPoll().toMillis(), TimeUnit.MILLISECONDS);
                nudges.drainPermits();
                if (!running) {
                    return;
                }
                deliverChanges();
                Subscriber s;
                while ((s = joining.poll()) != null) {
                    join(s);
                }
                Instant now = clock.instant();
                if (!now.isBefore(lastBeat.plus(settings.heartbeat()))) {
                    lastBeat = now;
                    StreamFrame beat = new StreamFrame(null, "heartbeat",
                            json.writeValueAsString(Map.of("at", now.toString(), "head", head)));
                    synchronized (active) {
                        active.forEach(a -> a.offer(beat));
                    }
                }
                synchronized (active) {
                    active.removeIf(Subscriber::closed);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                log.warn("Alert stream dispatch failed; trying again", e);
            }
        }
    }

    private void deliverChanges() {
        List<AlertRepository.Change> batch;
        do {
            batch = alerts.changesAfter(head, READ);
            for (AlertRepository.Change change : batch) {
                StreamFrame frame = frame(change);
                Alert a = change.alert();
                synchronized (active) {
                    for (Subscriber s : active) {
                        if (s.scope.covers(a.districtCode(), a.blockCode(), a.udiseCode()) || scoped(s.scope, a)) {
                            s.offer(frame);
                        }
                    }
                }
                head = change.seq();
            }
        }
        while (batch.size() == READ);
    }

    /**
     * An alert scoped to the jurisdiction itself (a roll-up of the block, an escalation
     * to the district) is the jurisdiction's even without a school.
     */
    private static boolean scoped(JurisdictionScope scope, Alert a) {
        Jurisdiction j = scope.jurisdiction();
        return j != null && j.equals(a.scope());
    }

    private void join(Subscriber s) {
        Map<String, Object> hello = new LinkedHashMap<>();
        Jurisdiction j = s.scope.jurisdiction();
        hello.put("jurisdiction", j == null ? null : Map.of("level", j.level().name(), "code", j.code()));
        hello.put("head", head);
        hello.put("heartbeatSeconds", settings.heartbeat().toSeconds());
        boolean replay = s.lastEventId != null;
        s.offer(new StreamFrame(replay ? null : Long.toString(head), "hello", json.writeValueAsString(hello)));
        if (replay) {
            long from = s.lastEventId;
            List<AlertRepository.Change> missed;
            do {
                missed = alerts.changesWithin(from, head, s.scope.where(AlertRepository.PLACE), READ);
                for (AlertRepository.Change change : missed) {
                    s.offer(frame(change));
                    from = change.seq();
                }
            }
            // a client too far behind is closed by offer(); it resumes from what it got
            while (missed.size() == READ && !s.closed());
        }
        synchronized (active) {
            active.add(s);
        }
    }

    private StreamFrame frame(AlertRepository.Change change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", change.change());
        data.put("alert", AlertResponse.of(change.alert()));
        return new StreamFrame(Long.toString(change.seq()), "alert", json.writeValueAsString(data));
    }

    @Override
    public int getPhase() {
        // stops before the web server drains its requests
        return Integer.MAX_VALUE - 2048;
    }

    /**
     * One stream: its jurisdiction, where it resumes, and its frames waiting to be
     * written.
     */
    final class Subscriber {

        private final JurisdictionScope scope;

        private final Long lastEventId;

        private final StreamSink sink;

        private final LinkedBlockingQueue<StreamFrame> frames = new LinkedBlockingQueue<>();

        private final AtomicBoolean closed = new AtomicBoolean();

        private Subscriber(JurisdictionScope scope, Long lastEventId, StreamSink sink) {
            this.scope = scope;
            this.lastEventId = lastEventId;
            this.sink = sink;
        }

        private void offer(StreamFrame frame) {
            if (closed.get()) {
                return;
            }
            if (frames.size() >= BACKLOG) {
                log.info("Closing an alert stream {} frames behind; it reconnects with its Last-Event-ID", BACKLOG);
                close();
                return;
            }
            frames.add(frame);
        }

        private void write() {
            try {
                while (!closed.get()) {
                    StreamFrame frame = frames.poll(1, TimeUnit.SECONDS);
                    if (frame != null && !closed.get()) {
                        sink.send(frame);
                    }
                }
            }
            catch (IOException | RuntimeException gone) {
                log.debug("Alert stream closed: {}", gone.toString());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finally {
                close();
            }
        }

        boolean closed() {
            return closed.get();
        }

        /**
         * Ends the stream (the client went away, the server stops, or it fell behind).
         */
        void close() {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
                try {
                    sink.close();
                }
                catch (RuntimeException ignored) {
                    // already gone
                }
            }
        }

    }

}
