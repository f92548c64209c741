package in.mdm.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Process trees and their memory, read from Linux's {@code /proc}. */
public final class Processes {

    private static final Path PROC = Path.of("/proc");

    private Processes() {
    }

    /**
     * The {@code VmRSS} of a {@code /proc/<pid>/status} text in KiB; 0 when absent
     * (kernel threads, zombies).
     */
    static long parseVmRssKiB(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                String unit = parts.length > 1 ? parts[1] : "kB";
                return switch (unit) {
                    case "kB" -> value;
                    case "mB", "MB" -> value * 1024;
                    case "gB", "GB" -> value * 1024 * 1024;
                    default -> throw new IllegalArgumentException("unknown VmRSS unit " + unit);
                };
            }
        }
        return 0;
    }

    /** Resident memory of one process in KiB, 0 if it has gone. */
    public static long rssKiB(long pid) {
        try {
            return parseVmRssKiB(Files.readString(PROC.resolve(Long.toString(pid)).resolve("status")));
        }
        catch (IOException ex) {
            return 0;
        }
    }

    /** The processes and all their descendants, each once. */
    public static Set<ProcessHandle> trees(Collection<ProcessHandle> roots) {
        Set<ProcessHandle> all = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            if (root.isAlive()) {
                all.add(root);
            }
            root.descendants().forEach(all::add);
        }
        return all;
    }

    /** Summed resident memory of the processes in KiB. */
    public static long totalRssKiB(Collection<ProcessHandle> processes) {
        return processes.stream().mapToLong(process -> rssKiB(process.pid())).sum();
    }

    /** A process's arguments (argv), empty if it has gone or is not ours to read. */
    public static List<String> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return splitNul(raw);
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    static List<String> splitNul(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.endsWith("\0")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0", -1));
    }

    /** Live processes one of whose arguments is exactly {@code argument}. */
    public static List<ProcessHandle> withArgument(String argument) {
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> arguments(process.pid()).contains(argument))
                .forEach(found::add);
        }
        return found;
    }

    /**
     * The postmaster of a PostgreSQL data folder, from its {@code postmaster.pid}, if it
     * runs.
     */
    public static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> arguments(pid).stream().anyMatch(argument -> argument.contains("postgres")));
        }
        catch (IOException | NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /**
     * Asks a process and its descendants to stop (SIGTERM), waits up to {@code grace},
     * then kills what is left (SIGKILL) and waits for it to go.
     */
    public static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(trees(List.of(process)));
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (Exception ex) {
            // still running after the grace period, or interrupted: kill below
        }
        kill(tree);
    }

    /**
     * Waits up to {@code grace} for the processes to end by themselves (a server
     * finishing its shutdown), then kills what is left.
     */
    public static void awaitGone(Collection<ProcessHandle> processes, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : processes) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    process.onExit().get(left, TimeUnit.NANOSECONDS);
                }
                catch (Exception ex) {
                    // killed below
                }
            }
        }
        kill(processes.stream().filter(ProcessHandle::isAlive).toList());
    }

    /** Kills the processes (SIGKILL) and waits until each has gone. */
    public static void kill(Collection<ProcessHandle> processes) {
        for (ProcessHandle process : processes) {
            process.destroyForcibly();
        }
        for (ProcessHandle process : processes) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                // a process that outlives SIGKILL for ten seconds is the kernel's
                // business
            }
        }
    }

}
