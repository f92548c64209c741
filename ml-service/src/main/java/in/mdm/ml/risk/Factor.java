package in.mdm.ml.risk;

/**
 * Why a score is what it is: a feature, its value in words, and how much it added to the
 * score's log-odds (TreeSHAP).
 */
public record Factor(String feature, double value, String text, double contribution) {
}
