package in.mdm.finance.utilization;

/** What a school's spending went on. */
public enum SpendingCategory {

    FOOD, FUEL, WAGES, OTHER

}
