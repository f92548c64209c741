package in.mdm.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code java -jar mdm-simulator.jar --help}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err, args));
    }

    /** The whole command; returns the exit status (0 done, 1 failed, 2 bad options). */
    static int run(Map<String, String> environment, PrintStream out, PrintStream err, String... args) {
        Options options;
        try {
            options = Options.parse(environment, args);
        }
        catch (IllegalArgumentException ex) {
            err.println("simulator: " + ex.getMessage());
            return 2;
        }
        if (options.help()) {
            out.print(Options.HELP);
            return 0;
        }
        Geography geography;
        if (options.state().equalsIgnoreCase("all")) {
            geography = Geography.all();
        }
        else {
            var state = Geography.state(options.state());
            if (state.isEmpty()) {
                err.println("simulator: no LGD state '" + options.state() + "'; known: "
                        + Geography.states().stream().map(s -> s.code() + " " + s.name()).toList());
                return 2;
            }
            geography = Geography.of(state.get());
        }
        try {
            generate(options, geography, out);
        }
        catch (IllegalArgumentException ex) {
            err.println("simulator: " + ex.getMessage());
            return 2;
        }
        catch (UncheckedIOException ex) {
            err.println("simulator: " + ex.getMessage() + ": " + ex.getCause().getMessage());
            return 1;
        }
        if (!options.live()) {
            return 0;
        }
        try {
            LiveLoader loader = new LiveLoader(options.gateway(), options.username(), options.password(),
                    options.batchSize(), options.importRows(), options.concurrency(), Duration.ofSeconds(1),
                    Duration.ofMinutes(15), options.mealPath(), out);
            LiveLoader.Result result = loader.load(options.out());
            out.printf(Locale.ROOT,
                    "Loaded into %s: %,d schools imported, %,d kitchens and %,d suppliers registered,"
                            + " %,d daily reports, %,d deliveries%s.%n",
                    options.gateway(), result.schoolsImported(), result.kitchens(), result.suppliers(),
                    result.reports(), result.deliveries(),
                    result.complete() ? "" : " (some steps were skipped, see above)");
            return 0;
        }
        catch (LiveLoader.LiveException ex) {
            err.println("simulator: " + ex.getMessage());
            return 1;
        }
    }

    static void generate(Options options, Geography geography, PrintStream out) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(options.out());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot create " + options.out(), ex);
        }
        Model model = new StateGenerator(options.seed(), options.scale()).generate(geography);
        StateFiles.write(model, options.out());
        long eligible = model.schools.stream().filter(Model.School::eligible).count();
        long children = model.schools.stream().mapToLong(Model.School::enrollment).sum();
        out.printf(Locale.ROOT,
                "%s: %d districts, %d blocks, %,d schools (%,d under PM POSHAN, %,d children), %,d"
                        + " kitchens, %,d suppliers (seed %d, scale %s) in %.1f s%n",
                geography.covered().size() == 1 ? geography.covered().getFirst().name()
                        : geography.covered().size() + " states",
                geography.districts().size(), geography.blockCount(), model.schools.size(), eligible, children,
                model.kitchens.size(), model.suppliers.size(), options.seed(), options.scale(), seconds(started));
        if (options.days() > 0) {
            long history = System.nanoTime();
            LocalDate end = options.endOrYesterday();
            List<LocalDate> days = new SchoolCalendar().schoolDaysUpTo(end, options.days());
            History.Summary summary = new History(model, new SchoolCalendar(), options.seed(), options.failures())
                .write(days, options.out());
            out.printf(Locale.ROOT, "History: %d school days %s to %s, %,d daily reports, %,d meals, %,d days without a"
                    + " meal (%,d for want of stock; mean risk %.4f), %,d deliveries (%,d late, %,d in transit), %,d stock write-offs in %.1f s%n",
                    summary.days(), summary.first(), summary.last(), summary.reports(), summary.mealsServed(),
                    summary.incidents(), summary.stockOutReports(), summary.meanRisk(), summary.deliveries(),
                    summary.delayedDeliveries(), summary.inTransit(), summary.writeOffs(), seconds(history));
        }
        out.printf(Locale.ROOT, "Written to %s in %.1f s%n", options.out().toAbsolutePath().normalize(),
                seconds(started));
    }

    private static double seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toMillis() / 1000.0;
    }

}
