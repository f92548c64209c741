package in.mdm.school.importer;

/** Where an import job is (stored in {@code school_import_jobs.status} by name). */
public enum ImportStatus {

    /** Accepted, waiting for a worker. */
    QUEUED,
    /** Being read and written. */
    RUNNING,
    /** Every row written or rejected; the rejects can be downloaded. */
    SUCCEEDED,
    /** Stopped: {@code error} says why; chunks committed before the failure stay. */
    FAILED

}
