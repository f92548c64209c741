package in.mdm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 server from embedded binaries, on loopback. Tests use a throw-away
 * data folder on a free port; the launcher keeps its data folder between runs.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "postgres";

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A fresh server on a free port, its data deleted when closed. */
    public static PostgresServer startEphemeral() {
        return start(0, null);
    }

    /**
     * @param port 0 for a free port
     * @param dataDirectory a folder kept across restarts, or {@code null} for a
     * throw-away one
     */
    public static PostgresServer start(int port, Path dataDirectory) {
        try {
            // the owner closes the server: the kit after the Spring contexts, the
            // launcher after the services
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                // the embedded server's own default is synchronous_commit=off: a commit
                // is
                // answered before its WAL is written, and a crash of the server loses
                // transactions their clients were told had committed (the chaos test saw
                // a consumer's applied poll vanish while its Kafka offsets stood). A
                // server
                // that keeps its data keeps every commit it acknowledged.
                .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                // months of a state's reports write indexes keyed by school (school and
                // day, a ledger's site): a day's reports touch a page of each all over
                // them. A server that keeps its data (the launcher's) holds those indexes
                // in memory; fewer checkpoints mean fewer full-page images in the WAL (at
                // the default 1 GB a Tamil Nadu day of reports forced a checkpoint)
                .setServerConfig("shared_buffers", dataDirectory == null ? "256MB" : "1GB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("wal_compression", "on")
                .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new PostgresServer(builder.start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("PostgreSQL did not start", ex);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
