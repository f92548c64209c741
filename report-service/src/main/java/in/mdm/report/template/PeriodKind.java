package in.mdm.report.template;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * How long a report's period is. A period starts on the first day of the one that holds
 * the date asked for: a day, the week from Monday, the month, the quarter (January,
 * April, July, October), the financial year from 1 April.
 */
public enum PeriodKind {

    DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL;

    /** The period of this kind that holds {@code date}. */
    public Period of(LocalDate date) {
        LocalDate from = switch (this) {
            case DAILY -> date;
            case WEEKLY -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> date.withDayOfMonth(1);
            case QUARTERLY -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
            case ANNUAL -> LocalDate.of(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1, 4, 1);
        };
        return new Period(this, from, next(from).minusDays(1));
    }

    LocalDate next(LocalDate from) {
        return switch (this) {
            case DAILY -> from.plusDays(1);
            case WEEKLY -> from.plusWeeks(1);
            case MONTHLY -> from.plusMonths(1);
            case QUARTERLY -> from.plusMonths(3);
            case ANNUAL -> from.plusYears(1);
        };
    }

    /** A period of this kind and its bounds. */
    public record Period(PeriodKind kind, LocalDate from, LocalDate to) {

        /** The period just before. */
        public Period previous() {
            return kind.of(from.minusDays(1));
        }

        /**
         * The same period a year earlier (the same dates; a week, the week holding the
         * date a year before).
         */
        public Period lastYear() {
            return kind.of(from.minusYears(1));
        }

        /** The last whole period before the one holding {@code date}. */
        public static Period lastComplete(PeriodKind kind, LocalDate date) {
            return kind.of(date).previous();
        }

    }

}
