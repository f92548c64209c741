package in.mdm.school.masterdata;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;

/**
 * Other names of LGD districts, which the UDISE importer matches too: the shipped list
 * and those ADMIN adds. A name names at most one district of a state.
 */
@Service
class DistrictAliases {

    private final DistrictAliasRepository repository;

    DistrictAliases(DistrictAliasRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    PageResponse<DistrictAliasResponse> list(String stateCode, String districtCode, int page, int size) {
        return repository.aliases(stateCode, districtCode, page, size);
    }

    /**
     * 404 for an unknown district, 400 for a name without letters or digits, 409 for a
     * name that already names this or another district of the state.
     */
    @Transactional
    DistrictAliasResponse add(String districtCode, String alias, String createdBy) {
        DistrictAliasRepository.District district = repository.district(districtCode)
            .orElseThrow(() -> ApiException.notFound(SchoolProblems.DISTRICT_NOT_FOUND,
                    "No district with LGD code " + districtCode));
        String name = alias.strip();
        String key = NameKey.of(name);
        if (key == null) {
            throw ApiException.badRequest(SchoolProblems.DISTRICT_ALIAS_INVALID, "alias: must have a letter or digit");
        }
        repository.districtNamed(district.stateCode(), key).ifPresent(named -> {
            throw ApiException.conflict(SchoolProblems.DISTRICT_ALIAS_TAKEN,
                    "alias: " + name + " already names " + (named.equals(districtCode) ? "this district"
                            : "district " + named + " of state " + district.stateCode()));
        });
        try {
            return repository.insert(district, name, key, "ADMIN", createdBy);
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict(SchoolProblems.DISTRICT_ALIAS_TAKEN,
                    "alias: " + name + " was just added to a district of state " + district.stateCode());
        }
    }

    /** 404 unless the district has the alias (matched by its name key). */
    @Transactional
    void remove(String districtCode, String alias) {
        String key = NameKey.of(alias);
        if (key == null || !repository.delete(districtCode, key)) {
            throw ApiException.notFound(SchoolProblems.DISTRICT_ALIAS_NOT_FOUND,
                    "District " + districtCode + " has no alias " + alias);
        }
    }

}
