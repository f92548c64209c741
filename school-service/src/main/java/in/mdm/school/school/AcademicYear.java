package in.mdm.school.school;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Pattern;

/** An academic year, June to April, written "2026-27". */
public final class AcademicYear {

    private static final Pattern FORMAT = Pattern.compile("20[0-9]{2}-[0-9]{2}");

    private AcademicYear() {
    }

    /** The academic year a date belongs to (May counts with the year that ends in April). */
    public static String of(LocalDate date) {
        int start = date.getMonthValue() >= Month.JUNE.getValue() ? date.getYear() : date.getYear() - 1;
        return "%d-%02d".formatted(start, (start + 1) % 100);
    }

    /** "2026-27" is valid, "2026-28" and "26-27" are not. */
    public static boolean isValid(String year) {
        if (year == null || !FORMAT.matcher(year).matches()) {
            return false;
        }
        int start = Integer.parseInt(year.substring(0, 4));
        return Integer.parseInt(year.substring(5)) == (start + 1) % 100;
    }
}
