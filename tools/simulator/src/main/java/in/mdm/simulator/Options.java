package in.mdm.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The simulator's command line. */
record Options(String state, double scale, long seed, int days, LocalDate end, Path out, boolean live, URI gateway,
        String username, String password, int batchSize, int importRows, int concurrency, LiveLoader.MealPath mealPath,
        boolean help, Failures failures) {

    /**
     * Injected failures ({@code --fail-suppliers}, {@code --fail-kitchens},
     * {@code --fail-days}): none by default.
     */
    record Failures(int suppliers, int kitchens, int days) {

        static final Failures NONE = new Failures(0, 0, 10);

        boolean any() {
            return suppliers > 0 || kitchens > 0;
        }
    }

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private static final java.util.Set<String> VALUED = java.util.Set.of("--state", "--scale", "--seed", "--days",
            "--end", "--out", "--gateway", "--username", "--password", "--batch-size", "--import-rows", "--concurrency",
            "--meal-path", "--fail-suppliers", "--fail-kitchens", "--fail-days");

    static final String HELP = """
            Usage: java -jar mdm-simulator.jar [options]

            Generates a synthetic but plausible state of the Mid-Day Meal programme from a seed: schools on the
            real LGD districts and blocks (Tamil Nadu by default), kitchens, suppliers, and the history of the
            last school days (attendance, meals, stock, deliveries, days without a meal and their latent risk).
            The same options give the same bytes.

            Options:
              --state CODE|NAME     LGD state code or name (default 33, Tamil Nadu); "all" for every state
              --scale FACTOR        multiply the number of schools (default 1: about 44,000 in Tamil Nadu;
                                    --state all --scale 1.4 gives about 1.1 million)
              --seed N              random seed (default 1)
              --days N              school days of history (default 20; 0 for the register only)
              --end YYYY-MM-DD      last day of the history (default: yesterday in Asia/Kolkata); give it for
                                    the same bytes on another day
              --out DIR             output folder (default .run/simulated)
              --live                then load it into a running suite through its gateway
              --gateway URL         the gateway (default http://localhost:8080)
              --username NAME       user to log in as (default admin, or MDM_ADMIN_USERNAME)
              --password PW         its password (default: MDM_ADMIN_PASSWORD)
              --meal-path bulk|batch
                                    how the daily reports go in: one bulk job a day (POST
                                    /api/v1/meals/reports/bulk, CSV; the default) or batches
                                    of --batch-size (POST /api/v1/meals/reports/batch)
              --batch-size N        daily reports per batch with --meal-path batch, and
                                    deliveries per batch up to 500 (default 500)
              --import-rows N       schools per import job (default 20000)
              --concurrency N       requests at a time when loading (default 2)
              --fail-suppliers N    inject N supplier failures: a supplier delivers nothing for
                                    --fail-days school days from a day drawn from the seed
              --fail-kitchens N     inject N kitchen failures: a kitchen loses all its stock
                                    (fire, flood, seizure) after a day's meal
              --fail-days N         school days a failed supplier holds its deliveries (default 10)
              -h, --help            this text

            Files: schools.csv (UDISE-style, for POST /api/v1/schools/import), kitchens.csv, kitchen-schools.csv,
            suppliers.csv, daily-reports.csv, deliveries.csv, stock.csv, truth.csv; with injected failures
            also failures.csv and failure-days.csv.
            """;

    static Options parse(Map<String, String> environment, String... args) {
        String state = "33";
        double scale = 1;
        long seed = 1;
        int days = 20;
        LocalDate end = null;
        Path out = Path.of(".run", "simulated");
        boolean live = false;
        URI gateway = URI.create("http://localhost:8080");
        String username = environment.getOrDefault("MDM_ADMIN_USERNAME", "admin");
        String password = environment.get("MDM_ADMIN_PASSWORD");
        int batchSize = 500;
        int importRows = 20_000;
        int concurrency = 2;
        LiveLoader.MealPath mealPath = LiveLoader.MealPath.BULK;
        boolean help = false;
        int failSuppliers = 0;
        int failKitchens = 0;
        int failDays = Failures.NONE.days();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg;
            String inline = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                inline = arg.substring(equals + 1);
            }
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--live" -> live = true;
                default -> {
                    if (!VALUED.contains(option)) {
                        throw new IllegalArgumentException("unknown option '" + option + "' (see --help)");
                    }
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException(option + " needs a value (see --help)");
                        }
                        value = args[++i];
                    }
                    try {
                        switch (option) {
                            case "--state" -> state = value;
                            case "--scale" -> scale = positive(Double.parseDouble(value), option);
                            case "--seed" -> seed = Long.parseLong(value);
                            case "--days" -> days = atLeast(Integer.parseInt(value), 0, option);
                            case "--end" -> end = LocalDate.parse(value);
                            case "--out" -> out = Path.of(value);
                            case "--gateway" -> gateway = URI
                                .create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                            case "--username" -> username = value;
                            case "--password" -> password = value;
                            case "--batch-size" -> batchSize = atLeast(Integer.parseInt(value), 1, option);
                            case "--import-rows" -> importRows = atLeast(Integer.parseInt(value), 1, option);
                            case "--concurrency" -> concurrency = atLeast(Integer.parseInt(value), 1, option);
                            case "--meal-path" -> mealPath = switch (value.toLowerCase(java.util.Locale.ROOT)) {
                                case "bulk" -> LiveLoader.MealPath.BULK;
                                case "batch" -> LiveLoader.MealPath.BATCH;
                                default -> throw new IllegalArgumentException(
                                        "--meal-path wants bulk or batch, not '" + value + "'");
                            };
                            case "--fail-suppliers" -> failSuppliers = atLeast(Integer.parseInt(value), 0, option);
                            case "--fail-kitchens" -> failKitchens = atLeast(Integer.parseInt(value), 0, option);
                            case "--fail-days" -> failDays = atLeast(Integer.parseInt(value), 1, option);
                            default ->
                                throw new IllegalArgumentException("unknown option '" + option + "' (see --help)");
                        }
                    }
                    catch (NumberFormatException | DateTimeParseException ex) {
                        throw new IllegalArgumentException(option + ": not a valid value: '" + value + "'");
                    }
                }
            }
        }
        if (live && (password == null || password.isBlank()) && !help) {
            throw new IllegalArgumentException("--live needs a password: --password or MDM_ADMIN_PASSWORD");
        }
        if (live && !"http".equals(gateway.getScheme()) && !"https".equals(gateway.getScheme())) {
            throw new IllegalArgumentException("--gateway wants an http(s) URL, not '" + gateway + "'");
        }
        return new Options(state, scale, seed, days, end, out, live, gateway, username, password, batchSize, importRows,
                concurrency, mealPath, help, new Failures(failSuppliers, failKitchens, failDays));
    }

    /** The last day of the history: {@code --end}, or yesterday in India. */
    LocalDate endOrYesterday() {
        return end != null ? end : LocalDate.now(INDIA).minusDays(1);
    }

    private static double positive(double value, String option) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return value;
    }

    private static int atLeast(int value, int min, String option) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Options[state=" + state + ", scale=" + scale + ", seed=" + seed + ", days=" + days + ", end=" + end
                + ", out=" + out + ", live=" + live + ", gateway=" + gateway + ", username=" + username + "]";
    }
}
