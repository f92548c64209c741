package in.mdm.events;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An academic year, written {@code 2026-27} (its first calendar year and the last two
 * digits of the next), running from 1 June to 31 May: schools teach June to April, and
 * May counts with the year that ends in April. One definition for every service and
 * event.
 */
public final class AcademicYear {

    private static final Pattern FORMAT = Pattern.compile("([0-9]{4})-([0-9]{2})");

    private AcademicYear() {
    }

    /** The academic year a date belongs to. */
    public static String of(LocalDate date) {
        int start = date.getMonthValue() >= Month.JUNE.getValue() ? date.getYear() : date.getYear() - 1;
        return "%d-%02d".formatted(start, (start + 1) % 100);
    }

    /**
     * {@code 2026-27} and {@code 2099-00} are valid; {@code 2026-28}, {@code 26-27},
     * {@code 2026-2027} and null are not.
     */
    public static boolean isValid(String year) {
        if (year == null) {
            return false;
        }
        Matcher m = FORMAT.matcher(year);
        return m.matches() && (Integer.parseInt(m.group(1)) + 1) % 100 == Integer.parseInt(m.group(2));
    }

    /** Its first day, 1 June of its first calendar year. */
    public static LocalDate start(String year) {
        return LocalDate.of(firstYear(year), Month.JUNE, 1);
    }

    /** Its last day, 31 May of the next calendar year. */
    public static LocalDate end(String year) {
        return LocalDate.of(firstYear(year) + 1, Month.MAY, 31);
    }

    private static int firstYear(String year) {
        if (!isValid(year)) {
            throw new IllegalArgumentException("not an academic year like 2026-27: " + year);
        }
        return Integer.parseInt(year.substring(0, 4));
    }

}
