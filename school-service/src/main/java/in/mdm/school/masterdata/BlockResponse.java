package in.mdm.school.masterdata;

/**
 * A block; {@code source} is LGD (the list), DISTRICT (a district's own block), IMPORT or
 * ADMIN.
 */
public record BlockResponse(String code, String name, String districtCode, String districtName, String source) {
}
