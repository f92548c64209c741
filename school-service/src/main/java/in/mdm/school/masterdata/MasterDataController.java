package in.mdm.school.masterdata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import in.mdm.platform.web.PageResponse;

@RestController
class MasterDataController {

    private final MasterData masterData;

    MasterDataController(MasterData masterData) {
        this.masterData = masterData;
    }

    @GetMapping("/api/v1/districts")
    PageResponse<DistrictResponse> districts(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,2}",
                    message = "must be an LGD state code") String stateCode,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return masterData.districts(stateCode, q, page, size);
    }

    @GetMapping("/api/v1/districts/{code}/blocks")
    PageResponse<BlockResponse> blocksOfDistrict(
            @PathVariable @Pattern(regexp = "[0-9]{1,6}", message = "must be an LGD district code") String code,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int size) {
        return masterData.blocks(code, null, page, size);
    }

    @GetMapping("/api/v1/blocks")
    PageResponse<BlockResponse> blocks(
            @RequestParam(required = false) @Pattern(regexp = "[0-9]{1,6}",
                    message = "must be an LGD district code") String districtCode,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
        return masterData.blocks(districtCode, q, page, size);
    }

}
