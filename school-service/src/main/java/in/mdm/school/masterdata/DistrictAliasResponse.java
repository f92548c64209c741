package in.mdm.school.masterdata;

import java.time.Instant;

/**
 * Another name of an LGD district; {@code source} is where it comes from (e.g. "former
 * name (renamed 2018)", "Wikidata (census 2011 code)", "ADMIN"), {@code createdBy} who
 * added it ({@code migration} for the shipped list).
 */
public record DistrictAliasResponse(String districtCode, String districtName, String stateCode, String alias,
        String source, String createdBy, Instant createdAt) {
}
