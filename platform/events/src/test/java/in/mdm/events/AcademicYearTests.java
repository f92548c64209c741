package in.mdm.events;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcademicYearTests {

    @Test
    void juneStartsAYearAndMayStillBelongsToTheOneBefore() {
        assertThat(AcademicYear.of(LocalDate.of(2026, 6, 1))).isEqualTo("2026-27");
        assertThat(AcademicYear.of(LocalDate.of(2027, 4, 30))).isEqualTo("2026-27");
        assertThat(AcademicYear.of(LocalDate.of(2027, 5, 31))).isEqualTo("2026-27");
        assertThat(AcademicYear.of(LocalDate.of(2099, 12, 1))).isEqualTo("2099-00");
    }

    @Test
    void onlyConsecutiveYearsInTheShortFormAreValid() {
        assertThat(AcademicYear.isValid("2026-27")).isTrue();
        assertThat(AcademicYear.isValid("2099-00")).isTrue();
        assertThat(AcademicYear.isValid("2026-28")).isFalse();
        assertThat(AcademicYear.isValid("2026-2027")).isFalse();
        assertThat(AcademicYear.isValid("26-27")).isFalse();
        assertThat(AcademicYear.isValid(null)).isFalse();
    }

    @Test
    void startsOnTheFirstOfJuneAndEndsOnTheLastOfMay() {
        assertThat(AcademicYear.start("2026-27")).hasToString("2026-06-01");
        assertThat(AcademicYear.end("2026-27")).hasToString("2027-05-31");
        assertThatThrownBy(() -> AcademicYear.start("2026-28")).isInstanceOf(IllegalArgumentException.class);
    }

}
