package in.mdm.optimization.transfer;

/**
 * What a school needs of a commodity over the horizon and what it can spare, in grams:
 * need = forecast meals over its next {@code days} school days × grams per meal; a school
 * short of food needs {@code need − stock}; a school with more than
 * {@code need + safetyDays × need / days} (its safety stock) can spare the rest.
 */
public final class TransferNeeds {

    private TransferNeeds() {
    }

    /**
     * @return {surplus grams, deficit grams}, at most one positive
     */
    public static long[] of(double stockKg, long forecastMeals, int days, double gramsPerMeal, double safetyDays) {
        double stock = stockKg * 1000;
        double need = forecastMeals * gramsPerMeal;
        double keep = need + (days > 0 ? safetyDays * need / days : 0);
        long surplus = (long) Math.floor(stock - keep);
        long deficit = (long) Math.ceil(need - stock);
        return new long[] { Math.max(0, surplus), Math.max(0, deficit) };
    }

}
