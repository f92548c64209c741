package in.mdm.optimization.scenario;

/**
 * Where a what-if run looks: the state (both null), a district (block null) or a block of
 * a district.
 */
record Area(String districtCode, String blockCode) {

    static final Area STATE = new Area(null, null);

}
