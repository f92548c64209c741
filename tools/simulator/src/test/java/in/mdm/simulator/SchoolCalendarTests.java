package in.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

class SchoolCalendarTests {

    private final SchoolCalendar calendar = new SchoolCalendar();

    @Test
    void sundaysHolidaysVacationsAndMayAreOff() {
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 22))).as("Sunday").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 21))).as("Saturday").isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 11, 20))).as("Friday").isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2027, 1, 15))).as("Pongal").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 12, 28))).as("half-yearly vacation").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 5, 12))).as("summer vacation").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2028, 8, 15))).as("Independence Day, any year").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 6, 1))).as("first Monday of June").isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2027, 6, 5))).as("before the first Monday of June").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2026, 12, 10))).as("exam day").isTrue();
        assertThat(calendar.isExamDay(LocalDate.of(2026, 12, 10))).isTrue();
        assertThat(calendar.isNextToFestival(LocalDate.of(2026, 11, 10))).isTrue();
    }

    @Test
    void theLastSchoolDaysAreCountedBackwards() {
        List<LocalDate> days = calendar.schoolDaysUpTo(LocalDate.of(2026, 6, 13), 14);

        assertThat(days).hasSize(14)
            .isSorted()
            .endsWith(LocalDate.of(2026, 6, 13))
            .allMatch(calendar::isSchoolDay)
            .noneMatch(day -> day.getDayOfWeek() == DayOfWeek.SUNDAY || day.getMonth() == Month.MAY);
        // 12 school days in June up to the 13th: the other two are the end of April
        assertThat(days.subList(0, 2)).containsExactly(LocalDate.of(2026, 4, 29), LocalDate.of(2026, 4, 30));
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.schoolDaysUpTo(LocalDate.of(2026, 6, 13), 2000));
    }

}
