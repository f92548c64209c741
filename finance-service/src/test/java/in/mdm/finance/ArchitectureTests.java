package in.mdm.finance;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import in.mdm.testkit.ArchitectureRules;

/** The platform's architecture rules, applied to this service's main classes. */
class ArchitectureTests {

    @TestFactory
    Stream<DynamicTest> platformRules() {
        return ArchitectureRules.check(FinanceServiceApplication.class);
    }

}
