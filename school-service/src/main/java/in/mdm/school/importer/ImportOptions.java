package in.mdm.school.importer;

/**
 * @param academicYear the year the file's enrollment columns count for, e.g. "2026-27"
 * @param createMissingBlocks create a block the file names under its matched district
 * instead of rejecting the row
 */
public record ImportOptions(String academicYear, boolean createMissingBlocks) {
}
