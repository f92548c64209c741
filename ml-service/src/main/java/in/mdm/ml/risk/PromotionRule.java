package in.mdm.ml.risk;

/**
 * Whether a newly trained model replaces the active one, judged on the latest held-back
 * window (days neither model trained or calibrated on): it must have positives to be
 * judged, and be no worse than the active model there, in Brier score (at most 1 %
 * higher) and in ROC-AUC (at most 0.005 lower). Without an active model a judged
 * candidate is promoted.
 */
final class PromotionRule {

    static final double BRIER_TOLERANCE = 0.01;

    static final double AUC_TOLERANCE = 0.005;

    record Decision(boolean promote, String reason) {
    }

    private PromotionRule() {
    }

    static Decision decide(Metrics candidate, Metrics active) {
        if (candidate.positives() == 0 || candidate.positives() == candidate.rows()) {
            return new Decision(false, "the held-back window has no shortage (or nothing else) to judge by");
        }
        String figures = String.format(java.util.Locale.ROOT, "Brier %.5f, ROC-AUC %.4f", candidate.brier(),
                candidate.rocAuc());
        if (active == null) {
            return new Decision(true, "no active model; held back: " + figures);
        }
        String against = String.format(java.util.Locale.ROOT, "active Brier %.5f, ROC-AUC %.4f", active.brier(),
                active.rocAuc());
        if (candidate.brier() > active.brier() * (1 + BRIER_TOLERANCE)) {
            return new Decision(false, "worse Brier score on the latest held-back window: " + figures + "; " + against);
        }
        if (candidate.rocAuc() < active.rocAuc() - AUC_TOLERANCE) {
            return new Decision(false, "worse ROC-AUC on the latest held-back window: " + figures + "; " + against);
        }
        return new Decision(true, "not worse on the latest held-back window: " + figures + "; " + against);
    }

}
