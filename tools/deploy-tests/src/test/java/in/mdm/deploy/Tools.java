package in.mdm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the deploy tests run: kubectl (kustomize) and promtool. Found on
 * the PATH or in {@code target/tools/usr/bin} of the repository root, where
 * {@code .ci/run} unpacks the Debian packages when a machine has none. A missing tool
 * fails the test that needs it, with what to do, where the tools are required
 * ({@code MDM_REQUIRE_TOOLS=true}: {@code .ci/run}); elsewhere (a machine with only a
 * JDK) it skips the test, saying why; it never lets the test pass.
 */
final class Tools {

    private Tools() {
    }

    record Result(int exitCode, String output) {
    }

    static Path find(String tool) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, tool));
                }
            }
        }
        candidates.add(Repository.root().resolve("target/tools/usr/bin").resolve(tool));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String missing = tool + " is neither on the PATH nor in target/tools/usr/bin. Run .ci/run, "
                + "which unpacks it from the Debian package, or install it (see TESTING.md, deploy tests).";
        if (required()) {
            throw new IllegalStateException(missing);
        }
        // a machine with only a JDK builds and tests everything else; CI requires the
        // tools
        System.out.println("[deploy-tests] skipped: " + missing);
        throw new org.opentest4j.TestAbortedException(missing);
    }

    /**
     * Whether a missing tool fails the tests ({@code MDM_REQUIRE_TOOLS=true}, as
     * {@code .ci/run} sets it) rather than skipping them.
     */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("MDM_REQUIRE_TOOLS")) || Boolean.getBoolean("mdm.require-tools");
    }

    static Result run(Path workingDirectory, String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(find(tool).toString());
        command.addAll(List.of(arguments));
        try {
            Path errors = Files.createTempFile("mdm-deploy-tests", ".err");
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectError(errors.toFile())
                .start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
            }
            String output = new String(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                output = output + Files.readString(errors);
            }
            Files.deleteIfExists(errors);
            return new Result(process.exitValue(), output);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * {@code kubectl kustomize
     *
    <dir>
     * }: the rendered YAML, or a failure with kubectl's message.
     */
    static String kustomize(String directory) {
        Result result = run(Repository.root(), "kubectl", "kustomize", directory);
        if (result.exitCode() != 0) {
            throw new AssertionError("kubectl kustomize " + directory + " failed:\n" + result.output());
        }
        return result.output();
    }

}
