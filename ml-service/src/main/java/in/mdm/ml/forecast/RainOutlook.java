package in.mdm.ml.forecast;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Heavy rain by district and day, the weather the demand forecast takes as a regressor:
 * on the twin, and in the field, heavy rain keeps children at home.
 */
public interface RainOutlook {

    /**
     * Per day of {@code days}, in order: 1 when heavy rain (64.5 mm or more in the day)
     * was observed, 0 when the day was observed without it, the chance of heavy rain when
     * the day is forecast, {@link Double#NaN} when nothing is known of the day.
     */
    double[] heavyRain(String districtCode, List<LocalDate> days);

    /** No weather known: every day {@link Double#NaN}. */
    RainOutlook NONE = (districtCode, days) -> {
        double[] unknown = new double[days.size()];
        Arrays.fill(unknown, Double.NaN);
        return unknown;
    };

}
