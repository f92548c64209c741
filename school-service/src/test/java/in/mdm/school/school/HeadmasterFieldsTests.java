package in.mdm.school.school;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One form per phone number for the blind index, and the plain forms it had before. */
class HeadmasterFieldsTests {

    @Test
    void anIndianNumberWrittenAnyWayHasOneForm() {
        for (String written : new String[] { "+919840000003", "919840000003", "9840000003", "09840000003",
                " 919840000003", "+91 98400 00003", "(+91) 98400-00003" }) {
            assertThat(HeadmasterFields.normalizePhone(written)).as(written).isEqualTo("+919840000003");
        }
    }

    @Test
    void anotherCountrysNumberKeepsItsDigitsAndWhatIsNoNumberHasNoForm() {
        assertThat(HeadmasterFields.normalizePhone("+14155550123")).isEqualTo("+14155550123");
        assertThat(HeadmasterFields.normalizePhone("+9779812345678")).isEqualTo("+9779812345678");
        assertThat(HeadmasterFields.normalizePhone("98400")).isNull();
        assertThat(HeadmasterFields.normalizePhone("phone")).isNull();
        assertThat(HeadmasterFields.normalizePhone("1234567890123456")).isNull();
        assertThat(HeadmasterFields.normalizePhone(null)).isNull();
    }

    @Test
    void theFormsANumberMayHaveBeenStoredInBeforeEncryption() {
        assertThat(HeadmasterFields.plainForms("09840000003")).containsExactly("+919840000003", "919840000003",
                "9840000003", "09840000003");
        assertThat(HeadmasterFields.plainForms("+14155550123")).containsExactly("+14155550123", "14155550123");
        assertThat(HeadmasterFields.plainForms("98400")).isEmpty();
    }

}
