package in.mdm.ml.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A school's demand forecast: meals needed on each of the next school days with 80 % and
 * 95 % intervals, the parts each day's value is made of, and how the method was chosen.
 *
 * @param udiseCode the school
 * @param districtCode its district
 * @param blockCode its block
 * @param asOf the last day of the history it was made from
 * @param method what made it, e.g. {@value DemandForecaster#METHOD}
 * @param weights each method's weight in the ensemble, from its backtest error
 * @param backtest how each method did on the school's own recent weeks
 * @param days the forecast, nearest school day first
 */
public record DemandForecast(String udiseCode, String districtCode, String blockCode, LocalDate asOf, String method,
        Map<String, Double> weights, Backtest backtest, List<Day> days) {

    /**
     * One school day.
     *
     * @param date the day
     * @param meals meals needed (the median forecast)
     * @param lower80 lower end of the 80 % interval
     * @param upper80 upper end of the 80 % interval
     * @param lower95 lower end of the 95 % interval
     * @param upper95 upper end of the 95 % interval
     * @param components what the value is made of
     */
    public record Day(LocalDate date, int meals, int lower80, int upper80, int lower95, int upper95,
            Components components) {
    }

    /**
     * The parts of a day's forecast. The calendar regression's value is {@code level} ×
     * {@code weekday} × {@code exam} × {@code festival} × {@code rain} (factors of 1 for
     * no effect); {@code methods} gives each method's own value, which the ensemble
     * weighs.
     *
     * @param level children at the school's level and trend, before the day's effects
     * @param weekday the weekday's factor
     * @param exam the exam day's factor
     * @param festival the factor of a day next to a festival or a national day
     * @param rain the heavy rain factor, at the chance of heavy rain
     * @param heavyRainChance the chance of heavy rain the weather gave (0 when unknown)
     * @param methods each method's value
     */
    public record Components(double level, double weekday, double exam, double festival, double rain,
            double heavyRainChance, Map<String, Double> methods) {
    }

    /**
     * The rolling-origin backtest on the school's own history.
     *
     * @param origins forecast origins tried
     * @param residuals days scored (each origin's next 7 school days that had a demand)
     * @param meanAbsoluteError per method and for the ensemble, in meals
     * @param scaledError the ensemble's error over seasonal naive's (below 1: better)
     */
    public record Backtest(int origins, int residuals, Map<String, Double> meanAbsoluteError, double scaledError) {
    }

}
