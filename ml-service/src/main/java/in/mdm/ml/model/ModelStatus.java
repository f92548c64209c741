package in.mdm.ml.model;

public enum ModelStatus {

    /** Trained and evaluated, not serving. */
    CANDIDATE,
    /** The version that serves predictions; one per model name. */
    ACTIVE,
    /** Served once, replaced by a newer version. */
    RETIRED

}
