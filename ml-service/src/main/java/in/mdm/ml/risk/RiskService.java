package in.mdm.ml.risk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.ml.MlProblems;
import in.mdm.ml.feature.FeatureStore;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * The API's reads, each within the caller's jurisdiction: a school of another
 * jurisdiction is not found, exactly like one that does not exist.
 */
@Service
class RiskService {

    private final RiskScoring scoring;

    private final FeatureStore store;

    private final RiskRepository scores;

    private final RiskSettings settings;

    RiskService(RiskScoring scoring, FeatureStore store, RiskRepository scores, RiskSettings settings) {
        this.scoring = scoring;
        this.store = store;
        this.scores = scores;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    RiskScore predict(String udiseCode, Caller caller) {
        RiskScoring.Featured featured = scoring.features(List.of(udiseCode));
        if (featured.schools().isEmpty() || !covers(caller, featured.schools().getFirst())) {
            throw ApiException.notFound(MlProblems.SCHOOL_NOT_FOUND, "No school " + udiseCode);
        }
        return scoring.score(featured)
            .orElseThrow(() -> ApiException.conflict(MlProblems.MODEL_NO_ACTIVE,
                    "udiseCode: no model is active to score with yet"))
            .getFirst();
    }

    /**
     * Scores of the schools asked for that the caller may see, and the codes it may not
     * (or unknown).
     */
    record Batch(List<RiskScore> scores, List<String> notFound) {
    }

    @Transactional(readOnly = true)
    Batch batch(String districtCode, String blockCode, List<String> udiseCodes, Caller caller) {
        boolean bySchools = udiseCodes != null && !udiseCodes.isEmpty();
        if (!bySchools && districtCode == null && blockCode == null) {
            throw ApiException.badRequest(MlProblems.BATCH_INVALID,
                    "udiseCodes: name schools, or a districtCode or blockCode");
        }
        Set<String> asked = new LinkedHashSet<>();
        if (bySchools) {
            asked.addAll(udiseCodes);
        }
        else {
            List<String> within = store.schoolsIn(districtCode, blockCode, settings.batchLimit + 1);
            if (within.size() > settings.batchLimit) {
                throw ApiException.badRequest(MlProblems.BATCH_INVALID, "districtCode: more than " + settings.batchLimit
                        + " schools; ask for a block or a list of schools");
            }
            asked.addAll(within);
        }
        RiskScoring.Featured all = scoring.features(asked);
        List<FeatureStore.School> visible = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < all.schools().size(); i++) {
            if (covers(caller, all.schools().get(i))) {
                visible.add(all.schools().get(i));
                rows.add(i);
            }
        }
        if (!bySchools && visible.isEmpty()) {
            throw ApiException.notFound(MlProblems.SCHOOL_NOT_FOUND,
                    "No schools in " + (blockCode != null ? "block " + blockCode : "district " + districtCode));
        }
        float[] matrix = new float[visible.size() * in.mdm.ml.feature.Feature.COUNT];
        for (int k = 0; k < rows.size(); k++) {
            System.arraycopy(all.matrix(), rows.get(k) * in.mdm.ml.feature.Feature.COUNT, matrix,
                    k * in.mdm.ml.feature.Feature.COUNT, in.mdm.ml.feature.Feature.COUNT);
        }
        List<RiskScore> scored = scoring.score(new RiskScoring.Featured(visible, matrix))
            .orElseThrow(
                    () -> ApiException.conflict(MlProblems.MODEL_NO_ACTIVE, "no model is active to score with yet"));
        Set<String> found = new LinkedHashSet<>();
        scored.forEach(s -> found.add(s.udiseCode()));
        List<String> notFound = bySchools ? asked.stream().filter(u -> !found.contains(u)).toList() : List.of();
        return new Batch(scored, notFound);
    }

    @Transactional(readOnly = true)
    PageResponse<RiskScore> page(String districtCode, String blockCode, String level, String sort, Caller caller,
            int page, int size) {
        String orderBy = switch (sort) {
            case "score,asc" -> "score asc, udise_code";
            case "udiseCode,asc" -> "udise_code asc";
            case "udiseCode,desc" -> "udise_code desc";
            case "forDate,desc" -> "for_date desc, score desc, udise_code";
            default -> "score desc, udise_code";
        };
        return scores.page(districtCode, blockCode, level, orderBy,
                JurisdictionScope.of(caller).where(RiskRepository.PLACE), page, size);
    }

    private static boolean covers(Caller caller, FeatureStore.School school) {
        return caller.covers(school.districtCode(), school.blockCode(), school.udiseCode());
    }

}
