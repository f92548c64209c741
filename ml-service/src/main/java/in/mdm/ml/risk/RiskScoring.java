package in.mdm.ml.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.ml.RiskScored;
import in.mdm.ml.feature.Feature;
import in.mdm.ml.feature.FeatureStore;
import in.mdm.ml.feature.Features;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.platform.events.EventBatches;

/**
 * Scores schools from their current features with the active model: calibrated
 * probability × 100, its level and the factors that raise it. After a day's reports the
 * schools are scored again, their features kept as training rows, their scores saved, and
 * a RiskScored published (through the outbox, in the same transaction) only for a school
 * whose level changed or whose score moved by at least {@code mdm.ml.risk.publish-step}.
 */
@Service
class RiskScoring {

    private final FeatureStore store;

    private final ActiveModel active;

    private final RiskRepository scores;

    private final RiskSettings settings;

    private final EventBatches events;

    private final Clock clock;

    RiskScoring(FeatureStore store, ActiveModel active, RiskRepository scores, RiskSettings settings,
            EventBatches events, Clock clock) {
        this.store = store;
        this.active = active;
        this.scores = scores;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** Features of schools, each as of its last reported day. */
    record Featured(List<FeatureStore.School> schools, float[] matrix) {
    }

    Featured features(Collection<String> udiseCodes) {
        Map<String, FeatureStore.School> known = store.schools(udiseCodes);
        List<FeatureStore.School> schools = new ArrayList<>(known.values());
        float[] matrix = new float[schools.size() * Feature.COUNT];
        Map<LocalDate, Features.AsOf> days = new HashMap<>();
        for (int i = 0; i < schools.size(); i++) {
            FeatureStore.School school = schools.get(i);
            Features.AsOf asOf = days.computeIfAbsent(school.asOf(),
                    d -> new Features.AsOf(d, SchoolCalendar.standard(), settings.horizon));
            Features.compute(school.inputs(), asOf, matrix, i * Feature.COUNT);
        }
        return new Featured(schools, matrix);
    }

    /** Scores without saving anything; empty when no model is active. */
    Optional<List<RiskScore>> score(Featured featured) {
        Optional<ActiveModel.Loaded> model = active.current();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        List<FeatureStore.School> schools = featured.schools();
        if (schools.isEmpty()) {
            return Optional.of(List.of());
        }
        RiskModel.Scored scored = model.get().model().score(featured.matrix(), schools.size(), true);
        Instant now = clock.instant();
        List<RiskScore> result = new ArrayList<>(schools.size());
        for (int i = 0; i < schools.size(); i++) {
            FeatureStore.School school = schools.get(i);
            double score = Math.round(scored.probability()[i] * 1000) / 10.0;
            result.add(new RiskScore(school.udiseCode(), school.districtCode(), school.blockCode(), school.asOf(),
                    score, settings.levels.of(score), model.get().version(),
                    RiskModel.factors(scored.contributions()[i], featured.matrix(), i, settings.topFactors), now));
        }
        return Optional.of(result);
    }

    /**
     * After reports: snapshots the schools' features, scores them, saves the scores and
     * publishes the changes. Call inside the consuming transaction. Returns the events
     * published.
     */
    @Transactional
    public int rescore(Collection<String> udiseCodes) {
        Featured featured = features(udiseCodes);
        List<float[]> rows = new ArrayList<>(featured.schools().size());
        for (int i = 0; i < featured.schools().size(); i++) {
            rows.add(java.util.Arrays.copyOfRange(featured.matrix(), i * Feature.COUNT, (i + 1) * Feature.COUNT));
        }
        store.snapshot(featured.schools(), rows);
        Optional<List<RiskScore>> scored = score(featured);
        if (scored.isEmpty() || scored.get().isEmpty()) {
            return 0;
        }
        List<RiskScore> now = scored.get();
        Map<String, RiskScore> before = scores.previous(udiseCodes);
        List<RiskScored> changes = new ArrayList<>();
        for (RiskScore score : now) {
            RiskScore previous = before.get(score.udiseCode());
            if (previous != null && previous.forDate().isAfter(score.forDate())) {
                continue;
            }
            if (changed(previous, score, settings.publishStep)) {
                changes.add(new RiskScored(DomainEvent.newId(), score.scoredAt(), score.udiseCode(), score.forDate(),
                        score.score(), score.level(), score.modelVersion(),
                        score.factors().stream().map(Factor::text).toList()));
            }
        }
        scores.save(now);
        events.publish(changes);
        return changes.size();
    }

    /**
     * Whether a new score is news: its level differs from the previous one, or it moved
     * by at least {@code step} points. A first score is news unless it is LOW and below
     * the step.
     */
    static boolean changed(RiskScore previous, RiskScore now, double step) {
        if (previous == null) {
            return !"LOW".equals(now.level()) || now.score() >= step;
        }
        return !previous.level().equals(now.level()) || Math.abs(previous.score() - now.score()) >= step;
    }

}
