package in.mdm.school.masterdata;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;
import in.mdm.school.SchoolProblems;

/** Districts and blocks (LGD codes): read-only reference data for the other features. */
@Service
public class MasterData {

    private final MasterDataRepository repository;

    MasterData(MasterDataRepository repository) {
        this.repository = repository;
    }

    /** 400 {@code school.unknown-block} unless the block belongs to the district. */
    public void requireBlock(String districtCode, String blockCode) {
        if (!repository.blockExists(districtCode, blockCode)) {
            throw ApiException.badRequest(SchoolProblems.UNKNOWN_BLOCK,
                    "blockCode: no block " + blockCode + " in district " + districtCode);
        }
    }

    /**
     * 404 unless the district, or with a block code the block, exists and lies inside the
     * jurisdiction: an area another jurisdiction reports on answers like one that does
     * not exist.
     */
    @Transactional(readOnly = true)
    public void requireArea(String districtCode, String blockCode, JurisdictionScope scope) {
        if (blockCode != null && !repository.blockWithin(blockCode, scope)) {
            throw ApiException.notFound(SchoolProblems.BLOCK_NOT_FOUND, "No block with LGD code " + blockCode);
        }
        if (districtCode != null && !repository.districtWithin(districtCode, scope)) {
            throw ApiException.notFound(SchoolProblems.DISTRICT_NOT_FOUND, "No district with LGD code " + districtCode);
        }
    }

    @Transactional(readOnly = true)
    PageResponse<DistrictResponse> districts(String stateCode, String q, int page, int size) {
        return repository.districts(stateCode, q, page, size);
    }

    @Transactional(readOnly = true)
    PageResponse<BlockResponse> blocks(String districtCode, String q, int page, int size) {
        if (districtCode != null && !repository.districtExists(districtCode)) {
            throw ApiException.notFound(SchoolProblems.DISTRICT_NOT_FOUND, "No district with LGD code " + districtCode);
        }
        return repository.blocks(districtCode, q, page, size);
    }

}
