package in.mdm.finance;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import in.mdm.testkit.ProblemCodes;

/**
 * Every problem code finance answers with is a constant of {@link FinanceProblems},
 * thrown as one, and in the README.
 */
class ProblemCodesTests {

    @Test
    void everyProblemCodeIsAConstantThrownAsOneAndDocumented() {
        ProblemCodes.assertKept(FinanceProblems.class, Path.of("src/main/java"), Path.of("README.md"));
    }

}
