package in.mdm.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemCodesTests {

    /** A service's codes, as a service declares them. */
    public static final class SampleProblems {

        public static final String NOT_FOUND = "sample.thing.not-found";

        public static final String BAD_YEAR = "sample.bad-year";
        static final String NOT_PUBLIC = "sample.hidden";

    }

    @TempDir
    Path dir;

    @Test
    void documentedConstantsAndNoLiteralsPass() throws Exception {
        Path readme = Files.writeString(dir.resolve("README.md"),
                "| 404 | `sample.thing.not-found` |\n| 400 | `sample.bad-year` |");
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("A.java"),
                "throw ApiException.notFound(SampleProblems.NOT_FOUND, \"No thing\");");
        ProblemCodes.assertKept(SampleProblems.class, sources, readme);
        assertThat(ProblemCodes.of(SampleProblems.class)).containsExactlyInAnyOrder("sample.thing.not-found",
                "sample.bad-year");
    }

    @Test
    void anUndocumentedCodeOrALiteralFailsNamingIt() throws Exception {
        Path readme = Files.writeString(dir.resolve("README.md"), "| 404 | `sample.thing.not-found` |");
        Path sources = Files.createDirectories(dir.resolve("src"));
        Files.writeString(sources.resolve("B.java"), """
                throw ApiException.badRequest("sample.bad-name", "bad name");
                throw new ApiException(HttpStatus.UNAUTHORIZED, "sample.bad-signature", "no");
                log.info("a.b"); // not a problem
                """);
        assertThatThrownBy(() -> ProblemCodes.assertKept(SampleProblems.class, sources, readme))
            .hasMessageContaining("sample.bad-year is not in")
            .hasMessageContaining("the literal \"sample.bad-name\"")
            .hasMessageContaining("the literal \"sample.bad-signature\"")
            .hasMessageNotContaining("a.b");
    }

}
