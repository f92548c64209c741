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

    /** @param port 0 for a free port */
    public static RedisServer start(int port) {
        int chosen = port > 0 ? port : FreePorts.next();
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
            throw new UncheckedIOException("Redis did not start on port " + chosen, ex);
        }
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
