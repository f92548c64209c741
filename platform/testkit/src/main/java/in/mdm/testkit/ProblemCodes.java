package in.mdm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The contract every service keeps for its problem codes (the stable {@code code} of its
 * ProblemDetail answers): each is a constant of the service's codes class, none is
 * written as a literal where a problem is thrown, and each is in the service's README,
 * where API clients look them up.
 *
 * <pre>{@code
 * &#64;Test
 * void everyProblemCodeIsAConstantAndDocumented() {
 *     ProblemCodes.assertKept(FinanceProblems.class, Path.of("src/main/java"), Path.of("README.md"));
 * }
 * }</pre>
 */
public final class ProblemCodes {

    /**
     * A code: lower-case words joined by dots and hyphens, at least two parts
     * ({@code finance.release.not-found}).
     */
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");

    /**
     * A literal code where a problem is made: {@code ApiException.notFound("x.y", ...)},
     * {@code new ApiException(s, "x.y", ...)}.
     */
    static final Pattern LITERAL = Pattern.compile(
            "(ApiException\\.[a-zA-Z]+\\(\\s*|new\\s+ApiException\\([^,;]+,\\s*)\"([a-z][a-z0-9-]*(\\.[a-z0-9-]+)+)\"");

    private ProblemCodes() {
    }

    /** The values of the public static final String fields of {@code codes}. */
    public static List<String> of(Class<?> codes) {
        List<String> values = new ArrayList<>();
        for (Field field : codes.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == String.class && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && Modifier.isPublic(modifiers)) {
                try {
                    values.add((String) field.get(null));
                }
                catch (IllegalAccessException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return values;
    }

    /**
     * Fails unless every constant of {@code codes} is a well-formed code that appears in
     * {@code readme}, and no source file under {@code sources} makes a problem with a
     * literal code.
     */
    public static void assertKept(Class<?> codes, Path sources, Path readme) {
        List<String> problems = new ArrayList<>();
        List<String> values = of(codes);
        if (values.isEmpty()) {
            problems.add(codes.getName() + " declares no codes (public static final String fields)");
        }
        String documentation = read(readme);
        for (String value : values) {
            if (!CODE.matcher(value).matches()) {
                problems.add("'" + value + "' is not a problem code (lower-case words joined by dots)");
            }
            else if (!documentation.contains(value)) {
                problems.add(value + " is not in " + readme);
            }
        }
        problems.addAll(literals(sources));
        if (!problems.isEmpty()) {
            throw new AssertionError("Problem codes not kept:\n  " + String.join("\n  ", problems));
        }
    }

    /** Places under {@code sources} that make a problem with a literal code. */
    static List<String> literals(Path sources) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String text = read(file);
                Matcher m = LITERAL.matcher(text);
                while (m.find()) {
                    found.add(file + ": the literal \"" + m.group(2) + "\"; use the codes class's constant");
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
