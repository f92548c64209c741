package in.mdm.school.school;

/**
 * Filters of the school list; {@code null} means "any".
 *
 * @param headmasterPhone a headmaster's phone number in any form
 * ({@link HeadmasterFields#normalizePhone}), found through its blind index
 */
record SchoolFilter(String districtCode, String blockCode, SchoolCategory category, Management management, String q,
        Boolean eligible, String headmasterPhone) {
}
