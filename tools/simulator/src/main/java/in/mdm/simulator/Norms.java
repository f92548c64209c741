package in.mdm.simulator;

/**
 * PM POSHAN food norms per child per day, in decigrams (tenths of a gram) so that every
 * sum is exact: grain 100 g / 150 g, pulses 20 g / 30 g, oil 5 g / 7.5 g (primary / upper
 * primary).
 */
enum Norms {

    GRAIN(1000, 1500), PULSES(200, 300), OIL(50, 75);

    final int primaryDg;

    final int upperPrimaryDg;

    Norms(int primaryDg, int upperPrimaryDg) {
        this.primaryDg = primaryDg;
        this.upperPrimaryDg = upperPrimaryDg;
    }

    /** Decigrams for one day's meals. */
    long need(long primaryMeals, long upperPrimaryMeals) {
        return primaryMeals * primaryDg + upperPrimaryMeals * upperPrimaryDg;
    }

    /** Decigrams as kilograms with four decimals: 12345 dg = 1.2345 kg. */
    static String kg(long decigrams) {
        return Csv.fixed(decigrams, 4);
    }

    static final long DG_PER_KG = 10_000;

}
