package in.mdm.ml.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.ml.MlProblems;
import in.mdm.ml.feature.Feature;
import in.mdm.ml.feature.FeatureStore;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * Interventions for the schools most at risk, ranked: for each school and kind, the risk
 * model is scored again on the features the intervention changes ({@link Intervention});
 * the drop is its expected risk reduction, times the kind's chance of success, weighed
 * against its cost for the children of the school. Accepting one tracks it to its
 * outcome: the school's risk {@code outcome-after} days later.
 */
@Service
class InterventionService {

    private final RiskScoring scoring;

    private final ActiveModel active;

    private final RiskRepository scores;

    private final InterventionRepository interventions;

    private final InterventionSettings settings;

    private final AuditTrail trail;

    private final Clock clock;

    InterventionService(RiskScoring scoring, ActiveModel active, RiskRepository scores,
            InterventionRepository interventions, InterventionSettings settings, AuditTrail trail, Clock clock) {
        this.scoring = scoring;
        this.active = active;
        this.scores = scores;
        this.interventions = interventions;
        this.settings = settings;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * One recommendation.
     *
     * @param udiseCode the school
     * @param districtCode its district
     * @param blockCode its block
     * @param kind the intervention
     * @param description what it is
     * @param riskNow the school's risk from its current features (0-100)
     * @param riskAfter the risk with the features the intervention changes
     * @param successProbability the chance it is carried out and works as modelled
     * @param expectedReduction (riskNow − riskAfter) × successProbability, in points
     * @param costRupees its cost for the school
     * @param children the school's enrollment
     * @param priority expected reduction × children per ₹1,000: the ranking
     */
    record Recommendation(String udiseCode, String districtCode, String blockCode, Intervention kind,
            String description, double riskNow, double riskAfter, double successProbability, double expectedReduction,
            int costRupees, int children, double priority) {
    }

    /** Ranked recommendations for the caller's schools most at risk. */
    @Transactional(readOnly = true)
    List<Recommendation> recommend(String districtCode, String blockCode, Intervention only, int limit, Caller caller) {
        List<String> candidates = scores
            .page(districtCode, blockCode, null, "score desc, udise_code",
                    JurisdictionScope.of(caller).where(RiskRepository.PLACE), 0, settings.candidates())
            .items()
            .stream()
            .map(RiskScore::udiseCode)
            .toList();
        List<Recommendation> all = assess(candidates, only);
        return all.stream()
            .sorted(Comparator.comparingDouble(Recommendation::priority).reversed())
            .limit(limit)
            .toList();
    }

    private List<Recommendation> assess(List<String> udiseCodes, Intervention only) {
        if (udiseCodes.isEmpty()) {
            return List.of();
        }
        ActiveModel.Loaded model = active.current()
            .orElseThrow(
                    () -> ApiException.conflict(MlProblems.MODEL_NO_ACTIVE, "no model is active to score with yet"));
        RiskScoring.Featured featured = scoring.features(udiseCodes);
        int n = featured.schools().size();
        double[] now = model.model().score(featured.matrix(), n, false).probability();
        List<Recommendation> result = new ArrayList<>();
        for (Intervention kind : only == null ? Intervention.values() : new Intervention[] { only }) {
            float[] changed = Arrays.copyOf(featured.matrix(), featured.matrix().length);
            for (int i = 0; i < n; i++) {
                kind.apply(changed, i * Feature.COUNT);
            }
            double[] after = model.model().score(changed, n, false).probability();
            for (int i = 0; i < n; i++) {
                double riskNow = round(now[i] * 100);
                double riskAfter = round(after[i] * 100);
                if (riskNow - riskAfter < 1) {
                    continue;
                }
                FeatureStore.School school = featured.schools().get(i);
                int children = (int) featured.matrix()[i * Feature.COUNT + Feature.ENROLLMENT.ordinal()];
                double chance = settings.chance(kind);
                double expected = round((riskNow - riskAfter) * chance);
                int cost = settings.cost(kind);
                result.add(new Recommendation(school.udiseCode(), school.districtCode(), school.blockCode(), kind,
                        kind.text, riskNow, riskAfter, chance, expected, cost, children,
                        Math.round(expected * Math.max(1, children) / (cost / 1000.0) * 100) / 100.0));
            }
        }
        return result;
    }

    /**
     * Accepts an intervention for a school: 404 outside the caller's jurisdiction, 409
     * when one of its kind is open.
     */
    @Transactional
    AcceptedIntervention accept(String udiseCode, Intervention kind, String note, Caller caller) {
        RiskScoring.Featured featured = scoring.features(List.of(udiseCode));
        if (featured.schools().isEmpty() || !caller.covers(featured.schools().getFirst().districtCode(),
                featured.schools().getFirst().blockCode(), udiseCode)) {
            throw ApiException.notFound(MlProblems.SCHOOL_NOT_FOUND, "No school " + udiseCode);
        }
        ActiveModel.Loaded model = active.current()
            .orElseThrow(
                    () -> ApiException.conflict(MlProblems.MODEL_NO_ACTIVE, "no model is active to score with yet"));
        FeatureStore.School school = featured.schools().getFirst();
        double before = round(model.model().score(featured.matrix(), 1, false).probability()[0] * 100);
        float[] changed = featured.matrix().clone();
        kind.apply(changed, 0);
        double expected = round(model.model().score(changed, 1, false).probability()[0] * 100);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Kolkata")));
        String by = caller.username() == null ? caller.subject() : caller.username();
        AcceptedIntervention tracked = new AcceptedIntervention(UUID.randomUUID(), udiseCode, school.districtCode(),
                school.blockCode(), kind.name(), "ACCEPTED", before, expected, null, settings.cost(kind), note, by,
                clock.instant(), today.plusDays(settings.outcomeAfter()), null);
        try {
            interventions.insert(tracked);
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict(MlProblems.INTERVENTION_OPEN,
                    "kind: an intervention of kind " + kind + " is open for school " + udiseCode);
        }
        trail.record(new AuditEntry("intervention.accepted", "intervention", tracked.id().toString(), null,
                Map.of("udiseCode", udiseCode, "kind", kind.name(), "riskBefore", before, "riskExpected", expected,
                        "by", by)));
        return tracked;
    }

    @Transactional(readOnly = true)
    PageResponse<AcceptedIntervention> accepted(String districtCode, String status, Caller caller, int page, int size) {
        return interventions.page(districtCode, status, JurisdictionScope.of(caller).where(RiskRepository.PLACE), page,
                size);
    }

    /**
     * Records the outcomes due; returns how many ({@link InterventionOutcomeJob} runs it
     * daily).
     */
    @Transactional
    public int recordOutcomes() {
        return interventions.evaluateDue(LocalDate.now(clock.withZone(ZoneId.of("Asia/Kolkata"))), clock.instant());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

}
