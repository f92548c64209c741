package in.mdm.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import in.mdm.simulator.Geography.Block;
import in.mdm.simulator.Geography.District;
import in.mdm.simulator.Model.Category;
import in.mdm.simulator.Model.Kitchen;
import in.mdm.simulator.Model.Management;
import in.mdm.simulator.Model.School;
import in.mdm.simulator.Model.Supplier;

/** Schools, kitchens and suppliers of one state, drawn from the seed. */
final class StateGenerator {

    /**
     * Tamil Nadu's noon-meal centres (June 2024) plus the few private schools the
     * register also holds.
     */
    static final int TAMIL_NADU_SCHOOLS = 44_000;

    /** Schools per LGD block elsewhere, Tamil Nadu's density. */
    static final double SCHOOLS_PER_BLOCK = TAMIL_NADU_SCHOOLS / 390.0;

    private static final String[] PLACE_STARTS = { "Pudu", "Kil", "Mel", "Siru", "Peria", "Vada", "Then", "Nalla",
            "Sembi", "Thiru", "Kottai", "Ala", "Vel", "Kum", "Mangala", "Ayya", "Karu", "Muthu", "Ponn", "Sinna",
            "Kanda", "Mani", "Palla", "Sola", "Vala", "Ara", "Nagar", "Sen", "Kalla", "Elu" };

    private static final String[] PLACE_ENDS = { "palayam", "patti", "kuppam", "puram", "nallur", "kulam", "ur",
            "pettai", "pakkam", "kottai", "cheri", "malai", "thurai", "gudi", "vadi", "kurichi", "mangalam", "nagar",
            "palli", "samudram" };

    private final long seed;

    private final double scale;

    StateGenerator(long seed, double scale) {
        this.seed = seed;
        this.scale = scale;
    }

    Model generate(Geography geography) {
        List<School> schools = new ArrayList<>();
        List<Kitchen> kitchens = new ArrayList<>();
        List<Supplier> suppliers = new ArrayList<>();
        for (Geography.State state : geography.covered()) {
            generate(state, geography.districts(state), schools, kitchens, suppliers);
        }
        return new Model(geography, List.copyOf(schools), List.copyOf(kitchens), List.copyOf(suppliers));
    }

    private void generate(Geography.State state, List<District> districts, List<School> schools, List<Kitchen> kitchens,
            List<Supplier> suppliers) {
        List<Block> allBlocks = new ArrayList<>();
        List<District> blockDistricts = new ArrayList<>();
        for (District district : districts) {
            for (Block block : district.blocks()) {
                allBlocks.add(block);
                blockDistricts.add(district);
            }
        }
        double base = state.code() == 33 ? TAMIL_NADU_SCHOOLS : SCHOOLS_PER_BLOCK * allBlocks.size();
        int total = (int) Math.round(base * scale);
        SplittableRandom weights = Rng.of(seed, "block-weights", state.udisePrefix());
        double[] weight = new double[allBlocks.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = Rng.logNormal(weights, 1.0, 0.3);
            if (allBlocks.get(i).ownBlock()) {
                weight[i] *= blockDistricts.get(i).metropolitan() ? 9 : 5;
            }
        }
        int[] counts = apportion(total, weight);
        int blockIndex = 0;
        for (District district : districts) {
            SplittableRandom random = Rng.of(seed, "district", state.udisePrefix(), district.code());
            List<double[]> blockCentres = new ArrayList<>();
            for (Block block : district.blocks()) {
                blockCentres.add(block.ownBlock() ? new double[] { district.latitude(), district.longitude() }
                        : pointInDisc(random, district.latitude(), district.longitude(), district.radiusKm() * 0.7));
            }
            List<Supplier> districtSuppliers = suppliers(district, blockCentres, random);
            suppliers.addAll(districtSuppliers);
            double blockRadius = district.blocks().size() == 1 ? district.radiusKm() : Math
                .max(district.radiusKm() * 0.35, district.radiusKm() / Math.sqrt(district.blocks().size()) * 1.2);
            for (int b = 0; b < district.blocks().size(); b++) {
                Block block = district.blocks().get(b);
                double[] centre = blockCentres.get(b);
                List<School> blockSchools = schools(district, block, centre, blockRadius, counts[blockIndex++], random);
                schools.addAll(blockSchools);
                Supplier supplier = nearest(districtSuppliers, centre);
                kitchens.addAll(kitchens(district, block, blockSchools, supplier, random));
            }
        }
    }

    /** Largest-remainder shares of {@code total} in proportion to the weights. */
    static int[] apportion(int total, double[] weight) {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        int[] counts = new int[weight.length];
        double[] remainder = new double[weight.length];
        int given = 0;
        for (int i = 0; i < weight.length; i++) {
            double exact = total * weight[i] / sum;
            counts[i] = (int) Math.floor(exact);
            remainder[i] = exact - counts[i];
            given += counts[i];
        }
        Integer[] order = new Integer[weight.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        for (int k = 0; given < total; k++, given++) {
            counts[order[k % order.length]]++;
        }
        return counts;
    }

    private List<School> schools(District district, Block block, double[] centre, double blockRadius, int count,
            SplittableRandom random) {
        record Draft(double latitude, double longitude, boolean urban) {
        }
        double urbanShare = district.metropolitan() ? 0.97 : 0.18;
        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean urban = random.nextDouble() < urbanShare;
            // urban schools crowd into the block's town near its centre
            double[] point = pointInDisc(random, centre[0], centre[1],
                    urban && !district.metropolitan() ? blockRadius * 0.25 : blockRadius);
            for (int attempt = 0; attempt < 30 && outside(district, point); attempt++) {
                point = pointInDisc(random, centre[0], centre[1], blockRadius);
            }
            if (outside(district, point)) {
                point = pointInDisc(random, district.latitude(), district.longitude(), district.radiusKm() * 0.5);
            }
            drafts.add(new Draft(point[0], point[1], urban));
        }
        // nearby schools get neighbouring codes (cluster digits) and share kitchens:
        // order along a Z-curve
        drafts.sort(Comparator.comparingLong(draft -> morton(draft.latitude(), draft.longitude())));
        int perCluster = Math.max(25, (count + 98) / 99);
        if (perCluster > 332) {
            throw new IllegalArgumentException("too many schools (" + count + ") in block " + block.name()
                    + " for 11-digit UDISE codes; use a smaller --scale");
        }
        List<School> schools = new ArrayList<>(count);
        int serial = 0;
        String prefix = district.udisePrefix() + String.format(Locale.ROOT, "%02d", block.udiseIndex());
        int pinPrefix = pinPrefix(district);
        int pinBase = random.nextInt(100, 900);
        for (int i = 0; i < count; i++) {
            if (i % perCluster == 0) {
                serial = random.nextInt(0, 4);
            }
            serial += random.nextInt(1, 4);
            String udise = prefix + String.format(Locale.ROOT, "%02d%03d", i / perCluster + 1, serial);
            Draft draft = drafts.get(i);
            double c = random.nextDouble();
            Category category = c < 0.57 ? Category.PRIMARY
                    : c < 0.85 ? Category.PRIMARY_WITH_UPPER_PRIMARY : Category.UPPER_PRIMARY;
            double m = random.nextDouble();
            Management management = draft.urban()
                    ? (m < 0.45 ? Management.GOVERNMENT
                            : m < 0.78 ? Management.LOCAL_BODY
                                    : m < 0.95 ? Management.AIDED : Management.PRIVATE_UNAIDED)
                    : (m < 0.78 ? Management.GOVERNMENT : m < 0.86 ? Management.LOCAL_BODY
                            : m < 0.975 ? Management.AIDED : Management.PRIVATE_UNAIDED);
            double size = random.nextDouble() < 0.03 ? 3.0 : 1.0;
            int primary = 0;
            int upper = 0;
            if (category != Category.UPPER_PRIMARY) {
                double median = (draft.urban() ? 120 : 55) * (category == Category.PRIMARY ? 1.0 : 1.3);
                primary = clamp(Rng.logNormal(random, median * size, 0.5), 6, 1800);
            }
            if (category != Category.PRIMARY) {
                double median = (draft.urban() ? 100 : 45) * (category == Category.UPPER_PRIMARY ? 2.0 : 1.0);
                upper = clamp(Rng.logNormal(random, median * size, 0.5), 6, 1500);
            }
            double attendance = Math.min(0.98,
                    Math.max(0.6, (draft.urban() ? 0.90 : 0.87) + 0.04 * random.nextGaussian()));
            double baseRisk = -5.4 + 0.75 * random.nextGaussian() + (draft.urban() ? -0.2 : 0.1);
            String pincode = String.format(Locale.ROOT, "%03d%03d", pinPrefix,
                    Math.min(999, pinBase + random.nextInt(0, 8)));
            String name = name(category, management, draft.urban(), district.metropolitan(), random);
            schools.add(new School(udise, name, district, block, category, management, draft.urban(), pincode,
                    round6(draft.latitude()), round6(draft.longitude()), primary, upper, attendance, baseRisk));
        }
        return schools;
    }

    private List<Kitchen> kitchens(District district, Block block, List<School> blockSchools, Supplier supplier,
            SplittableRandom random) {
        List<School> eligible = blockSchools.stream().filter(School::eligible).toList();
        List<List<School>> clusters = new ArrayList<>();
        int from = 0;
        while (from < eligible.size()) {
            int size = random.nextInt(6, 15);
            int to = Math.min(eligible.size(), from + size);
            if (eligible.size() - to < 3) {
                to = eligible.size();
            }
            clusters.add(eligible.subList(from, to));
            from = to;
        }
        List<Kitchen> kitchens = new ArrayList<>();
        String prefix = "K" + district.udisePrefix() + String.format(Locale.ROOT, "%02d", block.udiseIndex());
        for (int k = 0; k < clusters.size(); k++) {
            List<School> cluster = List.copyOf(clusters.get(k));
            double lat = cluster.stream().mapToDouble(School::latitude).average().orElseThrow();
            double lon = cluster.stream().mapToDouble(School::longitude).average().orElseThrow();
            School hub = cluster.stream()
                .min(Comparator.comparingDouble(
                        (School school) -> Geo.distanceKm(lat, lon, school.latitude(), school.longitude())))
                .orElseThrow();
            kitchens.add(new Kitchen(prefix + String.format(Locale.ROOT, "%03d", k + 1), hub, district, block,
                    hub.latitude(), hub.longitude(), cluster, supplier, 0.3 * random.nextGaussian()));
        }
        return kitchens;
    }

    /**
     * A few suppliers per district, each at the centre of one block; a block buys from
     * the nearest.
     */
    private List<Supplier> suppliers(District district, List<double[]> blockCentres, SplittableRandom random) {
        int count = Math.max(2, Math.round(district.blocks().size() / 3.0f));
        String[] kinds = { "Civil Supplies Godown", "Cooperative Wholesale Stores", "Food Grains Traders",
                "Agro Suppliers", "Provisions Distributors" };
        List<Supplier> suppliers = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double[] site = count > district.blocks().size()
                    ? pointInDisc(random, district.latitude(), district.longitude(), district.radiusKm() * 0.6)
                    : blockCentres.get(s * district.blocks().size() / count);
            String name = district.name() + " " + kinds[(s + district.udiseIndex()) % kinds.length]
                    + (s >= kinds.length ? " " + (s / kinds.length + 1) : "");
            int kind = (s + district.udiseIndex()) % kinds.length;
            String supplierKind = kind == 0 ? "CIVIL_SUPPLIES_CORPORATION" : kind == 1 ? "COOPERATIVE" : "PRIVATE";
            suppliers.add(new Supplier("S" + district.udisePrefix() + String.format(Locale.ROOT, "%02d", s + 1), name,
                    supplierKind, district, round6(site[0]), round6(site[1]), 0.004 + 0.026 * random.nextDouble()));
        }
        return suppliers;
    }

    private static Supplier nearest(List<Supplier> suppliers, double[] point) {
        return suppliers.stream()
            .min(Comparator.comparingDouble((Supplier supplier) -> Geo.distanceKm(point[0], point[1],
                    supplier.latitude(), supplier.longitude())))
            .orElseThrow();
    }

    private static String name(Category category, Management management, boolean urban, boolean metropolitan,
            SplittableRandom random) {
        String level = switch (category) {
            case PRIMARY -> "Primary";
            case PRIMARY_WITH_UPPER_PRIMARY -> "Middle";
            case UPPER_PRIMARY -> "High";
        };
        String kind = switch (management) {
            case GOVERNMENT -> category == Category.UPPER_PRIMARY ? "Government High School"
                    : (urban ? "Government " : "Panchayat Union ") + level + " School";
            case LOCAL_BODY ->
                (metropolitan ? "Corporation " : urban ? "Municipal " : "Adi Dravidar Welfare ") + level + " School";
            case AIDED -> "Aided " + (category == Category.PRIMARY ? "Elementary" : level) + " School";
            case PRIVATE_UNAIDED ->
                category == Category.PRIMARY ? "Nursery and Primary School" : "Matriculation School";
        };
        return kind + ", " + PLACE_STARTS[random.nextInt(PLACE_STARTS.length)]
                + PLACE_ENDS[random.nextInt(PLACE_ENDS.length)];
    }

    /**
     * Districts take consecutive three-digit PIN prefixes of their state's range, in
     * UDISE order.
     */
    private static int pinPrefix(District district) {
        Geography.State state = district.state();
        int span = state.pinTo() - state.pinFrom() + 1;
        return state.pinFrom() + (district.udiseIndex() - 1) % span;
    }

    static boolean outside(District district, double[] point) {
        return Geo.distanceKm(district.latitude(), district.longitude(), point[0], point[1]) > district.radiusKm()
                * 0.98;
    }

    static double[] pointInDisc(SplittableRandom random, double latitude, double longitude, double radiusKm) {
        double r = radiusKm * Math.sqrt(random.nextDouble());
        double theta = 2 * Math.PI * random.nextDouble();
        return Geo.offset(latitude, longitude, r * Math.cos(theta), r * Math.sin(theta));
    }

    /**
     * Interleaved bits of the two coordinates at about 100 m resolution: nearby points
     * sort together.
     */
    static long morton(double latitude, double longitude) {
        long x = (long) ((longitude + 180) * 1000) & 0x3FFFFFL;
        long y = (long) ((latitude + 90) * 1000) & 0x3FFFFFL;
        long z = 0;
        for (int bit = 0; bit < 22; bit++) {
            z |= ((x >> bit) & 1L) << (2 * bit) | ((y >> bit) & 1L) << (2 * bit + 1);
        }
        return z;
    }

    private static int clamp(double value, int min, int max) {
        return (int) Math.max(min, Math.min(max, Math.round(value)));
    }

    static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

}
