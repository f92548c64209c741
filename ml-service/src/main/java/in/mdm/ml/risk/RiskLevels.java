package in.mdm.ml.risk;

/**
 * Levels of a score (0-100): CRITICAL at or above {@code critical}, HIGH at or above
 * {@code high}, MEDIUM at or above {@code medium}, LOW below.
 */
public record RiskLevels(double critical, double high, double medium) {

    public static final RiskLevels DEFAULT = new RiskLevels(70, 40, 15);

    public RiskLevels {
        if (!(critical > high && high > medium && medium > 0 && critical <= 100)) {
            throw new IllegalArgumentException("levels must fall: critical > high > medium > 0");
        }
    }

    public String of(double score) {
        return score >= critical ? "CRITICAL" : score >= high ? "HIGH" : score >= medium ? "MEDIUM" : "LOW";
    }

}
