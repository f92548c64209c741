package in.mdm.school.school;

/**
 * PM POSHAN eligibility: government, aided and local-body schools, for the classes I-VIII
 * they teach.
 *
 * @param primary classes I-V are covered
 * @param upperPrimary classes VI-VIII are covered
 */
public record Eligibility(boolean primary, boolean upperPrimary) {

    public static Eligibility of(SchoolCategory category, Management management) {
        boolean managed = management.pmPoshanEligible();
        return new Eligibility(managed && category.teachesPrimary(), managed && category.teachesUpperPrimary());
    }

    public boolean any() {
        return primary || upperPrimary;
    }
}
