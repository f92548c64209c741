package in.mdm.launcher;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A process the launcher started, its output appended to one log file, its standard input
 * closed.
 */
final class ChildProcess {

    private final String name;

    private final List<String> command;

    private final Map<String, String> environment;

    private final Path log;

    private volatile Process process;

    ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    /**
     * Starts the process; {@code freshLog} empties the log first, otherwise it is
     * appended to.
     */
    ChildProcess start(boolean freshLog) {
        try {
            Files.createDirectories(log.getParent());
            if (freshLog) {
                Files.deleteIfExists(log);
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(name + " did not start: " + String.join(" ", command), ex);
        }
    }

    /**
     * Runs the process to its end (at most {@code timeout}); its exit code, or -1 if it
     * had to be killed.
     */
    int runToEnd(Duration timeout) {
        start(true);
        return awaitEnd(timeout);
    }

    /**
     * Waits for the started process to end (at most {@code timeout}); its exit code, or
     * -1 if it had to be killed.
     */
    int awaitEnd(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            Processes.kill(Processes.trees(List.of(process.toHandle())));
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            Processes.kill(Processes.trees(List.of(process.toHandle())));
            return -1;
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    List<String> command() {
        return command;
    }

    Map<String, String> environment() {
        return environment;
    }

    boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** The exit code of a process that has ended. */
    int exitValue() {
        return process.exitValue();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM, then SIGKILL for the process and its descendants after {@code grace}. */
    void stop(Duration grace) {
        Process current = process;
        if (current != null) {
            Processes.stop(current.toHandle(), grace);
        }
    }

    /**
     * A crash: SIGKILL for the process and its descendants, returning once they have
     * gone.
     */
    void kill() {
        Process current = process;
        if (current != null) {
            Processes.kill(new ArrayList<>(Processes.trees(List.of(current.toHandle()))));
        }
    }

    /** The last lines of the log, for error messages. */
    String tail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int chunk = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[chunk];
            in.seek(length - chunk);
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
        }
        catch (IOException ex) {
            return "(log unreadable: " + ex.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name;
    }

}
