package in.mdm.optimization.scenario;

/** Where a what-if job stands. */
public enum ScenarioStatus {

    /** Waiting for a free slot on its instance. */
    QUEUED,

    RUNNING,

    /** Done; its results are kept. */
    SUCCEEDED,

    /** Failed, or stopped with its instance (its heartbeat went quiet). */
    FAILED

}
