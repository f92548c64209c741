package in.mdm.finance.release;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import in.mdm.events.Jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovalLevelTests {

    @Test
    void theDistrictApprovesFirstThenTheBlockThenTheSchoolLast() {
        assertThat(ApprovalLevel.first()).isEqualTo(ApprovalLevel.DISTRICT);
        assertThat(ApprovalLevel.DISTRICT.next()).contains(ApprovalLevel.BLOCK);
        assertThat(ApprovalLevel.BLOCK.next()).contains(ApprovalLevel.SCHOOL);
        assertThat(ApprovalLevel.SCHOOL.next()).isEmpty();
    }

    @Test
    void aCallerActsAtTheLevelOfItsJurisdictionAndTheStateAtNone() {
        assertThat(ApprovalLevel.of(Jurisdiction.Level.DISTRICT)).contains(ApprovalLevel.DISTRICT);
        assertThat(ApprovalLevel.of(Jurisdiction.Level.BLOCK)).contains(ApprovalLevel.BLOCK);
        assertThat(ApprovalLevel.of(Jurisdiction.Level.SCHOOL)).contains(ApprovalLevel.SCHOOL);
        assertThat(ApprovalLevel.of(Jurisdiction.Level.STATE)).isEmpty();
        assertThat(ApprovalLevel.of(null)).isEqualTo(Optional.empty());
    }

}
