package in.mdm.report.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import in.mdm.report.document.ReportDocument.Kind;

/**
 * How a table's values are written, by column kind, the same in every format.
 * <ul>
 * <li>{@link #plain}: for machines (CSV): integers and decimals without grouping,
 * decimals exactly as given, a share as its exact percentage with {@code %}
 * ({@code 0.125} is {@code 12.5%}, which Excel reads as a number), dates ISO
 * ({@code 2026-12-05}).</li>
 * <li>{@link #display}: for people (PDF): Indian digit grouping ({@code 12,34,567}),
 * decimals with two places, percentages with one ({@code 12.5%}), dates
 * {@code 05-12-2026}, Western digits in both languages.</li>
 * </ul>
 * Values are what {@code Rows} promises (String, Long/Integer, Double/BigDecimal, a share
 * 0.0-1.0 for PERCENT, LocalDate, or null); anything else is written as its
 * {@code toString()}; null is an empty cell.
 */
final class CellValues {

    static final DateTimeFormatter DISPLAY_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private CellValues() {
    }

    static String plain(Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (!finite(value)) {
            return value.toString();
        }
        return switch (kind) {
            case INTEGER, DECIMAL ->
                (value instanceof Number number) ? decimal(number).toPlainString() : value.toString();
            case PERCENT -> (value instanceof Number number)
                    ? decimal(number).movePointRight(2).stripTrailingZeros().toPlainString() + "%" : value.toString();
            case DATE -> (value instanceof TemporalAccessor date) ? DateTimeFormatter.ISO_LOCAL_DATE.format(date)
                    : value.toString();
            case TEXT -> value.toString();
        };
    }

    /**
     * The kind a value is written as: a whole number (Long, Integer, BigInteger) in a
     * DECIMAL column is written as an INTEGER (a count among amounts: 3, not 3.00).
     */
    static Kind kindOf(Kind kind, Object value) {
        boolean whole = value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigInteger;
        return (kind == Kind.DECIMAL && whole) ? Kind.INTEGER : kind;
    }

    static String display(Kind column, Object value) {
        if (value == null) {
            return "";
        }
        Kind kind = kindOf(column, value);
        if ((!(value instanceof Number) && kind != Kind.DATE) || !finite(value)) {
            return value.toString();
        }
        return switch (kind) {
            case INTEGER -> indian(decimal((Number) value).setScale(0, RoundingMode.HALF_UP));
            case DECIMAL -> indian(decimal((Number) value).setScale(2, RoundingMode.HALF_UP));
            case PERCENT -> indian(decimal((Number) value).movePointRight(2).setScale(1, RoundingMode.HALF_UP)) + "%";
            case DATE -> (value instanceof TemporalAccessor date) ? DISPLAY_DATE.format(date) : value.toString();
            case TEXT -> value.toString();
        };
    }

    /** A number as a double, for a spreadsheet cell; null when the value is no number. */
    static Double number(Object value) {
        return (value instanceof Number number) ? number.doubleValue() : null;
    }

    /** A date for a spreadsheet cell; null when the value is no date. */
    static LocalDate date(Object value) {
        return (value instanceof LocalDate date) ? date : null;
    }

    /** False for a NaN or infinite double or float, which have no decimal form. */
    private static boolean finite(Object value) {
        return switch (value) {
            case Double d -> Double.isFinite(d);
            case Float f -> Float.isFinite(f);
            default -> true;
        };
    }

    static BigDecimal decimal(Number number) {
        return switch (number) {
            case BigDecimal big -> big;
            case BigInteger big -> new BigDecimal(big);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> BigDecimal.valueOf(number.doubleValue());
        };
    }

    /**
     * Indian digit grouping: the last three digits, then groups of two ({@code 1234567.5}
     * is {@code 12,34,567.5}).
     */
    static String indian(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String digits = (dot < 0) ? plain : plain.substring(0, dot);
        String fraction = (dot < 0) ? "" : plain.substring(dot);
        StringBuilder grouped = new StringBuilder();
        int length = digits.length();
        for (int i = 0; i < length; i++) {
            grouped.append(digits.charAt(i));
            int left = length - i - 1;
            if (left > 0 && (left == 3 || (left > 3 && (left - 3) % 2 == 0))) {
                grouped.append(',');
            }
        }
        return ((value.signum() < 0) ? "-" : "") + grouped + fraction;
    }

}
