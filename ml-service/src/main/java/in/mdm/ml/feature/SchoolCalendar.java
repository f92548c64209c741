package in.mdm.ml.feature;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * School days as data: the academic year runs from the first Monday of June to the end of
 * April; Sundays, May, the national days and the holidays and vacations of
 * {@code ml/school-calendar.csv} are off; exam days are school days; Saturdays are school
 * days.
 */
public final class SchoolCalendar {

    enum Kind {

        FESTIVAL, NATIONAL, VACATION, EXAM

    }

    private static final Set<MonthDay> NATIONAL_DAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 26), MonthDay.of(8, 15),
            MonthDay.of(10, 2), MonthDay.of(12, 25));

    private static final SchoolCalendar DEFAULT = new SchoolCalendar(load("/ml/school-calendar.csv"));

    private final Map<LocalDate, Kind> days;

    private SchoolCalendar(Map<LocalDate, Kind> days) {
        this.days = days;
    }

    /** The calendar of {@code ml/school-calendar.csv}. */
    public static SchoolCalendar standard() {
        return DEFAULT;
    }

    public boolean isSchoolDay(LocalDate date) {
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

    public boolean isExamDay(LocalDate date) {
        return days.get(date) == Kind.EXAM;
    }

    /** A day next to a festival or a national day, when many children stay away. */
    public boolean isNextToFestival(LocalDate date) {
        for (LocalDate near : List.of(date.minusDays(1), date.plusDays(1))) {
            Kind kind = days.get(near);
            if (kind == Kind.FESTIVAL || kind == Kind.NATIONAL || NATIONAL_DAYS.contains(MonthDay.from(near))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code count} school days after {@code date}, nearest first. */
    public List<LocalDate> schoolDaysAfter(LocalDate date, int count) {
        List<LocalDate> result = new ArrayList<>(count);
        LocalDate day = date.plusDays(1);
        for (int i = 0; i < 400 && result.size() < count; i++, day = day.plusDays(1)) {
            if (isSchoolDay(day)) {
                result.add(day);
            }
        }
        return result;
    }

    /** School days in {@code (from, to]}. */
    public int schoolDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            n += isSchoolDay(day) ? 1 : 0;
        }
        return n;
    }

    private static Map<LocalDate, Kind> load(String resource) {
        Map<LocalDate, Kind> days = new HashMap<>();
        try (InputStream in = SchoolCalendar.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("from,")) {
                    continue;
                }
                String[] cells = line.split(",", 4);
                Kind kind = Kind.valueOf(cells[2].trim().toUpperCase(Locale.ROOT));
                for (LocalDate day = LocalDate.parse(cells[0]); !day.isAfter(LocalDate.parse(cells[1])); day = day
                    .plusDays(1)) {
                    if (kind != Kind.EXAM || !days.containsKey(day)) {
                        days.put(day, kind);
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + resource, ex);
        }
        return days;
    }

}
