package in.mdm.school.meal;

/** Where a bulk meal report job is. */
public enum MealBulkStatus {

    QUEUED, RUNNING, SUCCEEDED, FAILED

}
