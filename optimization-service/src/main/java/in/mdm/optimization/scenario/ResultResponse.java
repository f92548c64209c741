package in.mdm.optimization.scenario;

/**
 * Meals missed in one school, block or district over the run's days: mean and 80 %
 * interval in the baseline and the scenario, and the difference run by run.
 */
record ResultResponse(String level, String code, String districtCode, String blockCode, Projection.Interval baseline,
        Projection.Interval scenario, Projection.Interval difference) {

    static ResultResponse of(Projection.Row row) {
        return new ResultResponse(row.level(), row.code(), row.districtCode(), row.blockCode(), row.baseline(),
                row.scenario(), row.difference());
    }

}
