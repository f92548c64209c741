package in.mdm.optimization.scenario;

import java.util.List;

/**
 * What a what-if run projects: meals missed over its days per school, block and district
 * and in total, in the baseline and under the scenario, and the mean meals missed on each
 * day.
 *
 * @param schoolRows every school of the area, in UDISE order
 * @param dailyBaseline mean meals missed on each day (index 0 is day 1) in the baseline
 * @param dailyScenario the same under the scenario
 */
public record Projection(int schools, int runs, int days, Row total, List<Row> districts, List<Row> blocks,
        List<Row> schoolRows, double[] dailyBaseline, double[] dailyScenario) {

    /** Levels of {@link Row}. */
    public static final String SCHOOL = "SCHOOL", BLOCK = "BLOCK", DISTRICT = "DISTRICT", TOTAL = "TOTAL";

    /**
     * Meals missed in one place: baseline, scenario, and their difference run by run
     * (both runs draw the same random numbers).
     */
    public record Row(String level, String code, String districtCode, String blockCode, Interval baseline,
            Interval scenario, Interval difference) {
    }

    /** The mean across runs and the 80 % interval (10th and 90th percentiles). */
    public record Interval(double mean, double p10, double p90) {
    }

    /** The row of a school, by UDISE code. */
    public Row school(String udiseCode) {
        return schoolRows.stream().filter(r -> r.code().equals(udiseCode)).findFirst().orElseThrow();
    }

}
