package in.mdm.school.meal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import in.mdm.platform.web.ApiException;
import in.mdm.school.SchoolProblems;

/**
 * Reads a bulk meal report file a row at a time: CSV with a header row (column names in
 * any order and case, extra columns ignored) or JSON lines. Each row becomes a report, or
 * the reason it cannot be one, with its line number; a bad row never stops the file.
 */
final class MealBulkReader implements Iterator<MealBulkReader.Row>, AutoCloseable {

    /** A row of the file: a report to store, or why it is not one. */
    record Row(int line, MealReportRequest report, String udiseCode, String date, ApiException problem) {
    }

    /** The columns a CSV file must have. */
    static final List<String> REQUIRED = List.of("udise_code", "date", "attendance_primary", "attendance_upper_primary",
            "meals_served");

    /** The columns a CSV file may have besides. */
    static final List<String> OPTIONAL = List.of("no_meal_reason", "client_report_id");

    private final MealBulkFormat format;

    private final Validator validator;

    private final JsonMapper json;

    private final BufferedReader lines;

    private final CSVParser csv;

    private final Iterator<CSVRecord> records;

    private final Map<String, Integer> columns;

    private int line;

    private String nextLine;

    private MealBulkReader(InputStream in, MealBulkFormat format, Validator validator, JsonMapper json)
            throws IOException {
        this.format = format;
        this.validator = validator;
        this.json = json;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        if (format == MealBulkFormat.CSV) {
            this.lines = null;
            this.csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader);
            this.records = csv.iterator();
            this.columns = header(records.hasNext() ? records.next().toList() : List.of());
        }
        else {
            this.lines = reader;
            this.csv = null;
            this.records = null;
            this.columns = Map.of();
        }
    }

    /**
     * Opens the file; 400 {@code meal.bulk.bad-header} when a CSV file lacks a column it
     * needs.
     */
    static MealBulkReader open(InputStream in, MealBulkFormat format, Validator validator, JsonMapper json)
            throws IOException {
        return new MealBulkReader(in, format, validator, json);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\uFEFF", "");
            columns.putIfAbsent(name.equals("report_date") ? "date" : name, i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ApiException.badRequest(SchoolProblems.MEAL_BULK_BAD_HEADER,
                    "The CSV header lacks " + String.join(", ", missing) + "; it needs " + String.join(", ", REQUIRED)
                            + " and may have " + String.join(", ", OPTIONAL));
        }
        return columns;
    }

    @Override
    public boolean hasNext() {
        if (format == MealBulkFormat.CSV) {
            try {
                return records.hasNext();
            }
            catch (UncheckedIOException ex) {
                throw new MalformedFileException(ex.getCause().getMessage());
            }
        }
        try {
            while (nextLine == null) {
                String read = lines.readLine();
                if (read == null) {
                    return false;
                }
                line++;
                if (!read.isBlank()) {
                    nextLine = read;
                }
            }
            return true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException();
        }
        return format == MealBulkFormat.CSV ? csvRow(records.next()) : jsonRow();
    }

    private Row csvRow(CSVRecord record) {
        int number = (int) record.getRecordNumber();
        String udise = value(record, "udise_code");
        String date = value(record, "date");
        try {
            MealReportRequest report = new MealReportRequest(uuid(value(record, "client_report_id")), udise, date(date),
                    count(record, "attendance_primary"), count(record, "attendance_upper_primary"),
                    count(record, "meals_served"), reason(value(record, "no_meal_reason")));
            return checked(number, report, udise, date);
        }
        catch (ApiException ex) {
            return new Row(number, null, udise, date, ex);
        }
    }

    private Row jsonRow() {
        String text = nextLine;
        nextLine = null;
        try {
            MealReportRequest report = json.readValue(text, MealReportRequest.class);
            if (report == null) {
                throw new IllegalArgumentException("null");
            }
            return checked(line, report, report.udiseCode(), report.date() == null ? null : report.date().toString());
        }
        catch (JacksonException | IllegalArgumentException ex) {
            String message = ex instanceof JacksonException jackson ? jackson.getOriginalMessage() : ex.getMessage();
            return new Row(line, null, null, null,
                    badRow("the line is not a meal report object: " + cut(String.valueOf(message))));
        }
    }

    private Row checked(int number, MealReportRequest report, String udise, String date) {
        Set<ConstraintViolation<MealReportRequest>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            return new Row(number, null, udise, date,
                    badRow(violations.stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                        .sorted()
                        .collect(Collectors.joining("; "))));
        }
        return new Row(number, report, udise, date, null);
    }

    private String value(CSVRecord record, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private Integer count(CSVRecord record, String column) {
        String value = value(record, column);
        if (value == null) {
            return null; // the validator names it
        }
        try {
            return Integer.valueOf(value);
        }
        catch (NumberFormatException ex) {
            throw badRow(camel(column) + ": " + cut(value) + " is not a whole number");
        }
    }

    private static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException ex) {
            throw badRow("date: " + cut(value) + " is not a date like 2026-12-04");
        }
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            throw badRow("clientReportId: " + cut(value) + " is not a UUID");
        }
    }

    private static NoMealReason reason(String value) {
        if (value == null) {
            return null;
        }
        try {
            return NoMealReason.valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw badRow("noMealReason: " + cut(value) + " is not one of "
                    + java.util.Arrays.toString(NoMealReason.values()));
        }
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            }
            else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static ApiException badRow(String detail) {
        return ApiException.badRequest(SchoolProblems.MEAL_BULK_BAD_ROW, detail);
    }

    private static String cut(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** Bytes read so far are counted by the caller; the line reached is here. */
    int line() {
        return format == MealBulkFormat.CSV ? (int) (csv.getRecordNumber()) : line;
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
        }
        if (lines != null) {
            lines.close();
        }
    }

    /** The file cannot be read as its format at all (a CSV quote never closed). */
    static final class MalformedFileException extends RuntimeException {

        MalformedFileException(String message) {
            super(message);
        }

    }

}
