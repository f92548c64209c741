package in.mdm.report;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import in.mdm.testkit.ProblemCodes;

class ProblemCodesTests {

    @Test
    void everyProblemCodeIsAConstantAndDocumented() {
        ProblemCodes.assertKept(ReportProblems.class, Path.of("src/main/java"), Path.of("README.md"));
    }

}
