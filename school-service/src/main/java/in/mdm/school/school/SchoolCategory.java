package in.mdm.school.school;

/** Which classes of I-VIII a school teaches; all three are covered by PM POSHAN. */
public enum SchoolCategory {
    PRIMARY, UPPER_PRIMARY, PRIMARY_WITH_UPPER_PRIMARY
}
