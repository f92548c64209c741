package in.mdm.school.supply;

public enum SupplierKind {

    /** e.g. Tamil Nadu Civil Supplies Corporation */
    CIVIL_SUPPLIES_CORPORATION, FOOD_CORPORATION_OF_INDIA, COOPERATIVE, PRIVATE, OTHER

}
