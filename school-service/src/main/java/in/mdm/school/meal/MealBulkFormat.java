package in.mdm.school.meal;

/**
 * The formats of a bulk meal report file: CSV with a header row, or JSON lines (one
 * report object a line, as the batch endpoint takes them).
 */
public enum MealBulkFormat {

    CSV, JSON_LINES

}
