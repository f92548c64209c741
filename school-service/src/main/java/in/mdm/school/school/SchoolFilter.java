package in.mdm.school.school;

/** Filters of the school list; {@code null} means "any". */
record SchoolFilter(String districtCode, String blockCode, SchoolCategory category, Management management, String q,
        Boolean eligible) {
}
