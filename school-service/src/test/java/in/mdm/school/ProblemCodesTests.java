package in.mdm.school;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import in.mdm.testkit.ProblemCodes;

class ProblemCodesTests {

    @Test
    void everyProblemCodeIsAConstantAndDocumented() {
        ProblemCodes.assertKept(SchoolProblems.class, Path.of("src/main/java"), Path.of("README.md"));
    }

}
