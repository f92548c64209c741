package in.mdm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A real redis-server process (binary shipped in a Maven artifact) on loopback. */
public final class RedisServer implements AutoCloseable {

    private final redis.embedded.RedisServer server;

    private final int port;

    private RedisServer(redis.embedded.RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * @param port 0 for a free port
     */
    public static RedisServer start(int port) {
        int chosen = port > 0 ? port : FreePorts.next();
        IOException last = null;
        // The binary is written to a temporary file and then executed. A process forked
        // at that moment by another
        // thread (PostgreSQL or Kafka starting beside it) inherits the file still open
        // for writing, and the exec
        // fails with ETXTBSY ("Text file busy"); a moment later it succeeds.
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer()
                    .port(chosen)
                    .setting("bind 127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
                server.start();
                return new RedisServer(server, chosen);
            }
            catch (IOException ex) {
                last = ex;
                if (!textFileBusy(ex)) {
                    break;
                }
                try {
                    Thread.sleep(200L * attempt);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException("Redis did not start on port " + chosen, last);
    }

    static boolean textFileBusy(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Text file busy")) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
