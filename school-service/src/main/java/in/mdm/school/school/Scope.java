package in.mdm.school.school;

import in.mdm.platform.security.Caller;

/**
 * The part of the register a caller may see: the whole state, a district, a block or one school. Anything
 * outside it answers as if it did not exist (404).
 */
public record Scope(String districtCode, String blockCode, String udiseCode) {

    public static final Scope STATE = new Scope(null, null, null);

    /** Matches no school: a caller whose token names no jurisdiction. */
    static final Scope NOTHING = new Scope(null, null, "-");

    public static Scope of(Caller caller) {
        if (caller.jurisdiction() == null) {
            return NOTHING;
        }
        String code = caller.jurisdiction().code();
        return switch (caller.jurisdiction().level()) {
            case STATE -> STATE;
            case DISTRICT -> new Scope(code, null, null);
            case BLOCK -> new Scope(null, code, null);
            case SCHOOL -> new Scope(null, null, code);
        };
    }

    boolean covers(School school) {
        return covers(school.districtCode(), school.blockCode(), school.udiseCode());
    }

    public boolean covers(String district, String block, String udise) {
        return (districtCode == null || districtCode.equals(district))
                && (blockCode == null || blockCode.equals(block))
                && (udiseCode == null || udiseCode.equals(udise));
    }
}
