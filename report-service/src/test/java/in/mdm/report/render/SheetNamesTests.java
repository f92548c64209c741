package in.mdm.report.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SheetNamesTests {

    @Test
    void forbiddenCharactersBecomeSpacesAndLongNamesAreCutTo31() {
        SheetNames names = new SheetNames();
        assertThat(names.next("Schools: November [2026] a/b\\c?d*e")).isEqualTo("Schools November 2026 a b c d e")
            .hasSize(31);
        assertThat(names.next("Fund utilisation by district and block, 2026-27")).hasSize(31)
            .isEqualTo("Fund utilisation by district an");
    }

    @Test
    void repeatedNamesAreNumberedIgnoringCaseAndStayWithin31() {
        SheetNames names = new SheetNames();
        assertThat(names.next("Schools")).isEqualTo("Schools");
        assertThat(names.next("SCHOOLS")).isEqualTo("SCHOOLS (2)");
        assertThat(names.next("Schools")).isEqualTo("Schools (3)");
        String longName = "Fund utilisation by district and block";
        assertThat(names.next(longName)).isEqualTo("Fund utilisation by district an");
        assertThat(names.next(longName)).isEqualTo("Fund utilisation by distric (2)").hasSize(31);
    }

    @Test
    void apostrophesAtTheEndsBlankAndHistoryAreNotLeft() {
        SheetNames names = new SheetNames();
        assertThat(names.next("'quoted'")).isEqualTo("quoted");
        assertThat(names.next(" :: ")).isEqualTo("Sheet");
        assertThat(names.next(null)).isEqualTo("Sheet (2)");
        assertThat(names.next("history")).isEqualTo("history 1");
        assertThat(names.next("பள்ளிகள்")).isEqualTo("பள்ளிகள்");
    }

}
