package in.mdm.optimization.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Today's state of an area of the twin, as flat arrays for the simulation: its schools
 * with their demand for each simulated school day, and its stores (a school that cooks
 * for itself, or a kitchen that cooks for several schools), each with its stock per
 * commodity group. Built once per run from the planning copy ({@link Builder}); read by
 * {@link ScenarioEngine} only.
 */
public final class TwinState {

    /** Commodity groups: grain (rice and wheat), pulses, oil. */
    static final int GRAIN = 0, PULSES = 1, OIL = 2, COMMODITIES = 3;

    /** The 80 % interval is the mean ± 1.2816 standard deviations of a normal. */
    static final double Z80 = 1.2815515655446004;

    final int days;

    // schools, sorted by UDISE code
    final int schools;

    final String[] udise;

    final int[] schoolDistrict;

    final int[] schoolBlock;

    final int[] schoolStore;

    /**
     * Per school and day ({@code i * days + d}): mean meals and the spread below/above.
     */
    final float[] mean;

    final float[] sigmaLow;

    final float[] sigmaHigh;

    /** Per school: chance of a day without a meal for causes other than stock. */
    final double[] riskDaily;

    // stores: schools' own stores, then kitchens
    final int stores;

    final String[] storeCode;

    final UUID[] storeKitchen;

    final int[] storeDistrict;

    final String[] storeSupplier;

    /** Per store and commodity ({@code s * 3 + c}), grams; NaN: not counted here. */
    final double[] stock;

    /** Per store and commodity: grams a day at the mean forecast demand. */
    final double[] meanNeed;

    /**
     * The schools of store s: {@code storeSchools[storeStart[s] .. storeStart[s + 1])}.
     */
    final int[] storeStart;

    final int[] storeSchools;

    final String[] districts;

    final String[] blocks;

    final int[] blockDistrict;

    private TwinState(Builder b) {
        this.days = b.days;
        List<SchoolRow> rows = new ArrayList<>(b.schools.values());
        this.schools = rows.size();
        this.udise = new String[schools];
        this.schoolDistrict = new int[schools];
        this.schoolBlock = new int[schools];
        this.schoolStore = new int[schools];
        this.mean = new float[schools * days];
        this.sigmaLow = new float[schools * days];
        this.sigmaHigh = new float[schools * days];
        this.riskDaily = new double[schools];
        Map<String, Integer> districtIndex = new TreeMap<>();
        Map<String, Integer> blockIndex = new TreeMap<>();
        Map<String, String> blockOf = new HashMap<>();
        for (SchoolRow s : rows) {
            districtIndex.putIfAbsent(s.district == null ? "" : s.district, 0);
            if (s.block != null) {
                blockIndex.putIfAbsent(s.block, 0);
                blockOf.putIfAbsent(s.block, s.district == null ? "" : s.district);
            }
        }
        this.districts = number(districtIndex);
        this.blocks = number(blockIndex);
        this.blockDistrict = new int[blocks.length];
        for (int k = 0; k < blocks.length; k++) {
            blockDistrict[k] = districtIndex.get(blockOf.get(blocks[k]));
        }
        // stores: a school cooked for by a kitchen known here eats from the kitchen's
        // stock; every other school from its own
        List<String> storeCodes = new ArrayList<>();
        Map<String, Integer> storeIndex = new HashMap<>();
        List<UUID> kitchens = new ArrayList<>();
        List<String> suppliers = new ArrayList<>();
        List<String> storeDistricts = new ArrayList<>();
        for (SchoolRow s : rows) {
            KitchenRow k = s.cookedBy == null ? null : b.kitchens.get(s.cookedBy);
            String code = k == null ? s.udise : Builder.kitchenCode(k.id);
            if (!storeIndex.containsKey(code)) {
                storeIndex.put(code, storeCodes.size());
                storeCodes.add(code);
                kitchens.add(k == null ? null : k.id);
                suppliers.add(k == null ? s.supplier : k.supplier);
                storeDistricts.add(k == null ? s.district : k.district);
            }
        }
        this.stores = storeCodes.size();
        this.storeCode = storeCodes.toArray(String[]::new);
        this.storeKitchen = kitchens.toArray(UUID[]::new);
        this.storeSupplier = suppliers.toArray(String[]::new);
        this.storeDistrict = new int[stores];
        for (int s = 0; s < stores; s++) {
            Integer d = storeDistricts.get(s) == null ? null : districtIndex.get(storeDistricts.get(s));
            storeDistrict[s] = d == null ? -1 : d;
        }
        this.stock = new double[stores * COMMODITIES];
        Arrays.fill(stock, Double.NaN);
        for (int s = 0; s < stores; s++) {
            double[] grams = b.stock.get(storeCode[s]);
            if (grams != null) {
                System.arraycopy(grams, 0, stock, s * COMMODITIES, COMMODITIES);
            }
        }
        this.meanNeed = new double[stores * COMMODITIES];
        int[] count = new int[stores];
        for (int i = 0; i < schools; i++) {
            SchoolRow s = rows.get(i);
            udise[i] = s.udise;
            schoolDistrict[i] = districtIndex.get(s.district == null ? "" : s.district);
            schoolBlock[i] = s.block == null ? -1 : blockIndex.get(s.block);
            KitchenRow k = s.cookedBy == null ? null : b.kitchens.get(s.cookedBy);
            int store = storeIndex.get(k == null ? s.udise : Builder.kitchenCode(k.id));
            schoolStore[i] = store;
            count[store]++;
            riskDaily[i] = 1 - StrictMath.pow(1 - Math.min(1, Math.max(0, s.risk / 100)), 1.0 / 3);
            double total = s.demand(i, days, mean, sigmaLow, sigmaHigh);
            for (int c = 0; c < COMMODITIES; c++) {
                meanNeed[store * COMMODITIES + c] += total / days * b.normGrams[c];
            }
        }
        this.storeStart = new int[stores + 1];
        for (int s = 0; s < stores; s++) {
            storeStart[s + 1] = storeStart[s] + count[s];
        }
        this.storeSchools = new int[schools];
        int[] next = Arrays.copyOf(storeStart, stores);
        for (int i = 0; i < schools; i++) {
            storeSchools[next[schoolStore[i]]++] = i;
        }
    }

    private static String[] number(Map<String, Integer> index) {
        String[] codes = index.keySet().toArray(String[]::new);
        for (int k = 0; k < codes.length; k++) {
            index.put(codes[k], k);
        }
        return codes;
    }

    public int schools() {
        return schools;
    }

    public int stores() {
        return stores;
    }

    public int days() {
        return days;
    }

    /**
     * A state for {@code days} school days, consumption at {@code normGrams} per meal
     * (grain, pulses, oil).
     */
    public static Builder builder(int days, int grainGrams, int pulsesGrams, int oilGrams) {
        return new Builder(days, new int[] { grainGrams, pulsesGrams, oilGrams });
    }

    /** Collects the planning copy's rows; schools and kitchens in any order. */
    public static final class Builder {

        private final int days;

        private final int[] normGrams;

        private final Map<String, SchoolRow> schools = new TreeMap<>();

        private final Map<UUID, KitchenRow> kitchens = new HashMap<>();

        private final Map<String, double[]> stock = new HashMap<>();

        private Builder(int days, int[] normGrams) {
            if (days < 1 || days > 63) {
                throw new IllegalArgumentException("days: 1 to 63");
            }
            this.days = days;
            this.normGrams = normGrams;
        }

        /** The site code a kitchen's rows carry in the planning copy. */
        public static String kitchenCode(UUID kitchenId) {
            return "K:" + kitchenId;
        }

        public Builder kitchen(UUID id, String districtCode, String blockCode, String supplierCode) {
            kitchens.put(id, new KitchenRow(id, districtCode, blockCode, supplierCode));
            return this;
        }

        /** A school; {@code cookedBy} its kitchen, or null when it cooks for itself. */
        public Builder school(String udiseCode, String districtCode, String blockCode, UUID cookedBy,
                String supplierCode) {
            schools.put(udiseCode, new SchoolRow(udiseCode, districtCode, blockCode, cookedBy, supplierCode, days));
            return this;
        }

        /**
         * A site's stock of a commodity ({@code RICE} and {@code WHEAT} are both grain);
         * other commodities are not simulated.
         */
        public Builder stock(String siteCode, String commodity, double kg) {
            int c = switch (commodity) {
                case "RICE", "WHEAT" -> GRAIN;
                case "PULSES" -> PULSES;
                case "OIL" -> OIL;
                default -> -1;
            };
            if (c >= 0) {
                double[] grams = stock.computeIfAbsent(siteCode, k -> {
                    double[] none = new double[COMMODITIES];
                    Arrays.fill(none, Double.NaN);
                    return none;
                });
                grams[c] = (Double.isNaN(grams[c]) ? 0 : grams[c]) + Math.max(0, kg) * 1000;
            }
            return this;
        }

        /** The school's forecast for its next school day not given yet. */
        public Builder forecast(String udiseCode, double meals, double lower80, double upper80) {
            SchoolRow s = schools.get(udiseCode);
            if (s != null && s.forecasts < days) {
                s.meals[s.forecasts] = meals;
                s.lower[s.forecasts] = Math.min(lower80, meals);
                s.upper[s.forecasts] = Math.max(upper80, meals);
                s.forecasts++;
            }
            return this;
        }

        /** The school's risk score, 0-100. */
        public Builder risk(String udiseCode, double score) {
            SchoolRow s = schools.get(udiseCode);
            if (s != null) {
                s.risk = score;
            }
            return this;
        }

        public TwinState build() {
            return new TwinState(this);
        }

    }

    private record KitchenRow(UUID id, String district, String block, String supplier) {
    }

    private static final class SchoolRow {

        final String udise;

        final String district;

        final String block;

        final UUID cookedBy;

        final String supplier;

        final double[] meals;

        final double[] lower;

        final double[] upper;

        int forecasts;

        double risk;

        SchoolRow(String udise, String district, String block, UUID cookedBy, String supplier, int days) {
            this.udise = udise;
            this.district = district;
            this.block = block;
            this.cookedBy = cookedBy;
            this.supplier = supplier;
            this.meals = new double[days];
            this.lower = new double[days];
            this.upper = new double[days];
        }

        /**
         * Fills the school's days: its forecasts, then their mean (meals and interval)
         * beyond their horizon; no forecast, no demand. Returns the meals over all days.
         */
        double demand(int i, int days, float[] mean, float[] low, float[] high) {
            double m = 0, l = 0, u = 0;
            for (int d = 0; d < forecasts; d++) {
                m += meals[d];
                l += lower[d];
                u += upper[d];
            }
            double total = 0;
            for (int d = 0; d < days; d++) {
                double dm, dl, du;
                if (d < forecasts) {
                    dm = meals[d];
                    dl = lower[d];
                    du = upper[d];
                }
                else if (forecasts > 0) {
                    dm = m / forecasts;
                    dl = l / forecasts;
                    du = u / forecasts;
                }
                else {
                    dm = dl = du = 0;
                }
                mean[i * days + d] = (float) dm;
                low[i * days + d] = (float) ((dm - dl) / Z80);
                high[i * days + d] = (float) ((du - dm) / Z80);
                total += dm;
            }
            return total;
        }

    }

}
