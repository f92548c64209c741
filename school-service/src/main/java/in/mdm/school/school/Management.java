package in.mdm.school.school;

/** Who runs the school; government, aided and local-body schools are eligible for PM POSHAN. */
public enum Management {
    GOVERNMENT, AIDED, LOCAL_BODY, PRIVATE_UNAIDED, OTHER;

    boolean pmPoshanEligible() {
        return this == GOVERNMENT || this == AIDED || this == LOCAL_BODY;
    }
}
