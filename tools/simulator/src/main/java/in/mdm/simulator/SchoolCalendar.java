package in.mdm.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * School days: the academic year runs from the first Monday of June to the end of April;
 * Sundays, the holidays and vacations of {@code holidays.csv} (a Tamil Nadu-style list,
 * approximate, 2025-26 and 2026-27) and the national days of every year are off;
 * Saturdays are school days.
 */
final class SchoolCalendar {

    enum Kind {

        FESTIVAL, NATIONAL, VACATION, EXAM

    }

    private static final Set<MonthDay> NATIONAL_DAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 26), MonthDay.of(8, 15),
            MonthDay.of(10, 2), MonthDay.of(12, 25));

    private final Map<LocalDate, Kind> days;

    SchoolCalendar() {
        this.days = load();
    }

    boolean isSchoolDay(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SUNDAY || date.getMonth() == Month.MAY) {
            return false;
        }
        if (date.getMonth() == Month.JUNE
                && date.isBefore(date.withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)))) {
            return false;
        }
        if (NATIONAL_DAYS.contains(MonthDay.from(date))) {
            return false;
        }
        Kind kind = days.get(date);
        return kind == null || kind == Kind.EXAM;
    }

    boolean isExamDay(LocalDate date) {
        return days.get(date) == Kind.EXAM;
    }

    /** A school day next to a festival or a national day: many children stay away. */
    boolean isNextToFestival(LocalDate date) {
        for (LocalDate near : List.of(date.minusDays(1), date.plusDays(1))) {
            Kind kind = days.get(near);
            if (kind == Kind.FESTIVAL || kind == Kind.NATIONAL || NATIONAL_DAYS.contains(MonthDay.from(near))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The last {@code count} school days up to and including {@code end}, oldest first.
     */
    List<LocalDate> schoolDaysUpTo(LocalDate end, int count) {
        List<LocalDate> result = new ArrayList<>(count);
        LocalDate date = end;
        LocalDate limit = end.minusYears(5);
        while (result.size() < count) {
            if (date.isBefore(limit)) {
                throw new IllegalArgumentException(
                        "fewer than " + count + " school days in the five years before " + end);
            }
            if (isSchoolDay(date)) {
                result.add(date);
            }
            date = date.minusDays(1);
        }
        Collections.reverse(result);
        return result;
    }

    private static Map<LocalDate, Kind> load() {
        Map<LocalDate, Kind> days = new HashMap<>();
        try (InputStream in = SchoolCalendar.class.getResourceAsStream("/holidays.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", 4);
                Kind kind = Kind.valueOf(cells[2].trim().toUpperCase(java.util.Locale.ROOT));
                for (LocalDate day = LocalDate.parse(cells[0]); !day.isAfter(LocalDate.parse(cells[1])); day = day
                    .plusDays(1)) {
                    // a holiday inside an exam period stays a holiday
                    if (kind != Kind.EXAM || !days.containsKey(day)) {
                        days.put(day, kind);
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read holidays.csv", ex);
        }
        return days;
    }

}
