package in.mdm.platform.web;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import in.mdm.testkit.ProblemCodes;

class ProblemCodesTests {

    @Test
    void everyPlatformProblemCodeIsAConstantAndDocumented() {
        ProblemCodes.assertKept(PlatformProblems.class, Path.of("src/main/java"), Path.of("README.md"));
    }

}
