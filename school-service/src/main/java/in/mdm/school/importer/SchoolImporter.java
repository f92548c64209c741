package in.mdm.school.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.DomainEvent;
import in.mdm.events.school.EnrollmentUpdated;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolUpdated;
import in.mdm.school.school.Eligibility;
import in.mdm.school.school.Management;
import in.mdm.school.school.RuralUrban;
import in.mdm.school.school.SchoolCategory;

/**
 * Loads a UDISE-style CSV into the register, set-based. Each row is checked as the file
 * streams (UDISE code, labels, coordinates, encoding, duplicates), its district and block
 * are matched in memory (LGD code, or name key, alias or name without suffix within the
 * UDISE code's state and then within the district: {@link Places}); a row whose district
 * or block matches none gets the closest name as {@code did_you_mean}; every
 * {@value #CHUNK} good rows go by PostgreSQL {@code COPY} into a temporary table and one
 * upsert inserts the new schools and updates the changed ones, and one more the
 * enrollments; SchoolRegistered / SchoolUpdated / EnrollmentUpdated for exactly the rows
 * they changed go to the {@link EventSink} in one call, all in the chunk's transaction
 * (the outbox). A row that is already so changes nothing and publishes nothing. While the
 * file is read, up to {@value #WRITERS} earlier chunks are written at the same time, each
 * in its own transaction. The SQL is {@link SchoolImportRepository}'s. A plain class (no
 * Spring wiring), so that a benchmark can run it against a bare data source.
 */
public class SchoolImporter {

    /** Rows per transaction (COPY, upsert and their outbox events). */
    static final int CHUNK = 10_000;

    /**
     * Chunks written at the same time, each in its own transaction on its own connection.
     */
    static final int WRITERS = 2;

    private static final Pattern UDISE = Pattern.compile("[0-9]{11}");

    private static final Pattern LGD = Pattern.compile("[0-9]{1,6}");

    private static final Pattern PINCODE = Pattern.compile("[1-9][0-9]{5}");

    private static final BigDecimal LAT_MIN = new BigDecimal("6");

    private static final BigDecimal LAT_MAX = new BigDecimal("38");

    private static final BigDecimal LON_MIN = new BigDecimal("68");

    private static final BigDecimal LON_MAX = new BigDecimal("98");

    /** Publishes a chunk's events inside the chunk's transaction (the outbox). */
    @FunctionalInterface
    public interface EventSink {

        void publish(List<DomainEvent> events);

    }

    /**
     * One rejected row; {@code didYouMean} is the closest district or block name for one
     * whose district or block matched none.
     */
    public record Reject(int line, String udiseCode, String schoolName, String reason, String didYouMean) {
    }

    static final String UNKNOWN_DISTRICT = "unknown district";

    static final String UNKNOWN_BLOCK = "unknown block";

    private final SchoolImportRepository repository;

    private final TransactionTemplate transactions;

    private final EventSink events;

    private final Clock clock;

    private final int writers;

    private final int chunkSize;

    public SchoolImporter(SchoolImportRepository repository, PlatformTransactionManager transactionManager,
            EventSink events, Clock clock) {
        this(repository, transactionManager, events, clock, WRITERS);
    }

    /**
     * @param writers chunks written at the same time (each takes a database connection
     * while it runs)
     */
    public SchoolImporter(SchoolImportRepository repository, PlatformTransactionManager transactionManager,
            EventSink events, Clock clock, int writers) {
        this(repository, transactionManager, events, clock, writers, CHUNK);
    }

    SchoolImporter(SchoolImportRepository repository, PlatformTransactionManager transactionManager, EventSink events,
            Clock clock, int writers, int chunkSize) {
        if (writers < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("writers and chunk size must be at least 1");
        }
        this.chunkSize = chunkSize;
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
        this.writers = writers;
    }

    /**
     * Reads the header row only: 400 {@code school.import.bad-header} when required
     * columns are missing.
     */
    public static void checkHeader(InputStream csv) throws IOException {
        try (CSVParser parser = format().parse(reader(csv))) {
            Iterator<CSVRecord> records = parser.iterator();
            ImportHeader.of(records.hasNext() ? records.next().toList() : List.of());
        }
    }

    /**
     * Imports a file. The file is read and checked in the calling thread while up to
     * {@code writers} earlier chunks are written, each in a transaction of its own. A
     * chunk that fails stops the import; chunks committed before it stay, and importing
     * the same file again completes the rest (a re-import changes nothing else).
     * @param jobId the rejects are stored under it
     * @param progress told the number of rows read so far, after each chunk
     */
    public ImportCounts run(UUID jobId, InputStream csv, ImportOptions options, IntConsumer progress)
            throws IOException {
        Places places = Places.load(repository);
        Labels labels = new Labels();
        Map<String, Integer> seen = new HashMap<>();
        List<Reject> rejects = new ArrayList<>();
        List<String> lines = new ArrayList<>(chunkSize);
        Totals totals = new Totals();
        StringBuilder line = new StringBuilder(256);
        ExecutorService pool = Executors.newFixedThreadPool(writers,
                Thread.ofPlatform().name("udise-import-writer-", 1).factory());
        Deque<Future<Chunk>> inFlight = new ArrayDeque<>();
        try (CSVParser parser = format().parse(reader(csv))) {
            Iterator<CSVRecord> records = parser.iterator();
            ImportHeader header = ImportHeader.of(records.hasNext() ? records.next().toList() : List.of());
            while (hasNext(records)) {
                CSVRecord record = records.next();
                totals.read++;
                int lineNo = (int) record.getRecordNumber();
                line.setLength(0);
                String reason = row(header, record, lineNo, line, places, labels, options.createMissingBlocks());
                if (reason == null) {
                    Integer first = seen.putIfAbsent(line.substring(0, 11), lineNo);
                    if (first != null) {
                        reason = "duplicate in file (first at line " + first + ")";
                    }
                }
                if (reason != null) {
                    rejects.add(new Reject(lineNo, cut(header.get(record, "udise_code"), 40),
                            cut(header.get(record, "school_name"), 300), reason,
                            cut(didYouMean(header, record, reason, places), 100)));
                }
                else {
                    lines.add(line.toString());
                }
                if (lines.size() == chunkSize) {
                    while (inFlight.size() >= writers) {
                        totals.add(await(inFlight.removeFirst()));
                    }
                    progress.accept(totals.read - lines.size());
                    createNewBlocks(places);
                    List<String> chunk = lines;
                    List<Reject> chunkRejects = rejects;
                    inFlight.addLast(pool.submit(() -> write(jobId, chunk, chunkRejects, options)));
                    lines = new ArrayList<>(chunkSize);
                    rejects = new ArrayList<>();
                }
            }
            while (!inFlight.isEmpty()) {
                totals.add(await(inFlight.removeFirst()));
            }
            createNewBlocks(places);
            totals.add(write(jobId, lines, rejects, options));
        }
        finally {
            for (Future<Chunk> chunk : inFlight) {
                // a chunk that fails stops the import: let the others finish or fail
                // before the caller goes on
                awaitQuietly(chunk);
            }
            pool.shutdownNow();
        }
        progress.accept(totals.read);
        int unchanged = totals.read - totals.rejected - totals.inserted - totals.updated;
        return new ImportCounts(totals.read, totals.inserted, totals.updated, unchanged, totals.rejected,
                totals.enrollments, totals.inserted + totals.updated + totals.enrollments, totals.copyNanos / 1_000_000,
                totals.schoolsNanos / 1_000_000, totals.enrollmentsNanos / 1_000_000);
    }

    /**
     * Blocks made for the import so far, committed before any chunk that names them is
     * written (a chunk's foreign key check cannot see another transaction's uncommitted
     * block).
     */
    private void createNewBlocks(Places places) {
        List<Places.NewBlock> newBlocks = places.takeNewBlocks();
        if (!newBlocks.isEmpty()) {
            transactions.executeWithoutResult(status -> repository.createBlocks(newBlocks));
        }
    }

    private static Chunk await(Future<Chunk> chunk) {
        try {
            return chunk.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    private static void awaitQuietly(Future<Chunk> chunk) {
        try {
            chunk.get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException ex) {
            // the first failure is the one reported
        }
    }

    /** What one chunk did. */
    private record Chunk(int inserted, int updated, int enrollments, int rejected, long copyNanos, long schoolsNanos,
            long enrollmentsNanos) {
    }

    /** Totals of the chunks, kept by the reading thread. */
    private static final class Totals {

        int read;

        int inserted;

        int updated;

        int rejected;

        int enrollments;

        long copyNanos;

        long schoolsNanos;

        long enrollmentsNanos;

        void add(Chunk chunk) {
            inserted += chunk.inserted();
            updated += chunk.updated();
            enrollments += chunk.enrollments();
            rejected += chunk.rejected();
            copyNanos += chunk.copyNanos();
            schoolsNanos += chunk.schoolsNanos();
            enrollmentsNanos += chunk.enrollmentsNanos();
        }

    }

    /**
     * One transaction: the chunk's rejects, its rows by COPY, the upserts and their
     * events (one call of the sink).
     */
    private Chunk write(UUID jobId, List<String> lines, List<Reject> rejects, ImportOptions options) {
        if (lines.isEmpty() && rejects.isEmpty()) {
            return new Chunk(0, 0, 0, 0, 0, 0, 0);
        }
        return transactions.execute(status -> {
            repository.storeRejects(jobId, rejects);
            if (lines.isEmpty()) {
                return new Chunk(0, 0, 0, rejects.size(), 0, 0, 0);
            }
            long start = System.nanoTime();
            repository.copy(lines);
            long copied = System.nanoTime();
            List<DomainEvent> published = new ArrayList<>(2 * lines.size());
            int[] counts = upsertSchools(published);
            long schools = System.nanoTime();
            int enrollments = upsertEnrollments(options.academicYear(), published);
            events.publish(published);
            long end = System.nanoTime();
            return new Chunk(counts[0], counts[1], enrollments, rejects.size(), copied - start, schools - copied,
                    end - schools);
        });
    }

    private static boolean hasNext(Iterator<CSVRecord> records) {
        try {
            return records.hasNext();
        }
        catch (UncheckedIOException | IllegalStateException ex) {
            throw new MalformedCsvException(ex.getMessage());
        }
    }

    /**
     * Appends the row's COPY line (UDISE code first), or returns why the row is rejected.
     */
    private static String row(ImportHeader h, CSVRecord record, int lineNo, StringBuilder out, Places places,
            Labels labels, boolean createMissingBlocks) {
        for (String value : record) {
            if (value.indexOf('\uFFFD') >= 0) {
                return "encoding: not UTF-8";
            }
        }
        String udise = h.get(record, "udise_code");
        if (udise == null || !UDISE.matcher(udise).matches()) {
            return "bad UDISE code: must be 11 digits";
        }
        String name = h.get(record, "school_name");
        if (name == null) {
            return "missing school name";
        }
        if (name.length() > 200) {
            return "school name longer than 200 characters";
        }
        String districtCode = h.get(record, "district_code");
        String districtName = h.get(record, "district_name");
        if (districtCode == null && districtName == null) {
            return "missing district";
        }
        if (districtCode != null && !LGD.matcher(districtCode).matches()) {
            return "bad district code: must be an LGD code";
        }
        String blockCode = h.get(record, "block_code");
        String blockName = h.get(record, "block_name");
        if (blockCode == null && blockName == null) {
            return "missing block";
        }
        if (blockCode != null && !LGD.matcher(blockCode).matches()) {
            return "bad block code: must be an LGD code";
        }
        String categoryText = h.get(record, "category");
        SchoolCategory category = labels.category(categoryText);
        if (category == null) {
            return categoryText == null ? "missing category" : "unknown category: " + cut(categoryText, 60);
        }
        String managementText = h.get(record, "management");
        Management management = labels.management(managementText);
        if (management == null) {
            return managementText == null ? "missing management" : "unknown management: " + cut(managementText, 60);
        }
        String ruralUrbanText = h.get(record, "rural_urban");
        RuralUrban ruralUrban = RuralUrban.parse(ruralUrbanText);
        if (ruralUrbanText != null && ruralUrban == null) {
            return "unknown rural_urban: " + cut(ruralUrbanText, 20);
        }
        String pincode = h.get(record, "pincode");
        if (pincode != null && !PINCODE.matcher(pincode).matches()) {
            return "bad pincode: must be 6 digits";
        }
        String latText = h.get(record, "latitude");
        String lonText = h.get(record, "longitude");
        BigDecimal lat = null;
        BigDecimal lon = null;
        if (latText != null || lonText != null) {
            if (latText == null || lonText == null) {
                return "bad coordinates: latitude and longitude must both be decimal degrees";
            }
            try {
                lat = new BigDecimal(latText).setScale(6, RoundingMode.HALF_EVEN);
                lon = new BigDecimal(lonText).setScale(6, RoundingMode.HALF_EVEN);
            }
            catch (NumberFormatException ex) {
                return "bad coordinates: latitude and longitude must both be decimal degrees";
            }
            if (lat.compareTo(LAT_MIN) < 0 || lat.compareTo(LAT_MAX) > 0 || lon.compareTo(LON_MIN) < 0
                    || lon.compareTo(LON_MAX) > 0) {
                return "bad coordinates: outside India";
            }
        }
        Integer primary;
        Integer upper;
        try {
            primary = count(h.get(record, "enrollment_primary"));
            upper = count(h.get(record, "enrollment_upper_primary"));
        }
        catch (NumberFormatException ex) {
            return "bad enrollment: must be a whole number 0-20000";
        }
        String district = places.district(udise.substring(0, 2), districtCode, districtName);
        if (district == null) {
            return UNKNOWN_DISTRICT;
        }
        String block = places.block(district, blockCode, blockName, createMissingBlocks);
        if (block == null) {
            return UNKNOWN_BLOCK;
        }
        Eligibility eligibility = Eligibility.of(category, management);
        out.append(udise).append('\t').append(lineNo).append('\t');
        text(out, name).append('\t');
        out.append(district).append('\t').append(block).append('\t');
        out.append(category.name()).append('\t').append(management.name()).append('\t');
        text(out, ruralUrban == null ? null : ruralUrban.name()).append('\t');
        text(out, pincode).append('\t');
        text(out, lat == null ? null : lat.toPlainString()).append('\t');
        text(out, lon == null ? null : lon.toPlainString()).append('\t');
        text(out, primary == null ? null : primary.toString()).append('\t');
        text(out, upper == null ? null : upper.toString()).append('\t');
        out.append(eligibility.primary() ? 't' : 'f')
            .append('\t')
            .append(eligibility.upperPrimary() ? 't' : 'f')
            .append('\n');
        return null;
    }

    /**
     * For a row whose district (block) matched none, the closest district name of the
     * UDISE code's state (block name of the matched district); otherwise {@code null}.
     */
    private static String didYouMean(ImportHeader h, CSVRecord record, String reason, Places places) {
        if (!UNKNOWN_DISTRICT.equals(reason) && !UNKNOWN_BLOCK.equals(reason)) {
            return null;
        }
        String state = h.get(record, "udise_code").substring(0, 2);
        String districtName = h.get(record, "district_name");
        if (UNKNOWN_DISTRICT.equals(reason)) {
            return districtName == null ? null : places.closestDistrict(state, districtName);
        }
        String blockName = h.get(record, "block_name");
        String district = places.district(state, h.get(record, "district_code"), districtName);
        return district == null || blockName == null ? null : places.closestBlock(district, blockName);
    }

    /**
     * The category and management labels read so far: a file uses a handful of them, and
     * reading one (UDISE's own wording, abbreviations, codes) is far dearer than looking
     * it up. Up to {@value #MAX} distinct labels each.
     */
    private static final class Labels {

        private static final int MAX = 1_000;

        private final Map<String, Optional<SchoolCategory>> categories = new HashMap<>();

        private final Map<String, Optional<Management>> managements = new HashMap<>();

        SchoolCategory category(String text) {
            return text == null ? null : remember(categories, text, SchoolCategory::parse);
        }

        Management management(String text) {
            return text == null ? null : remember(managements, text, Management::parse);
        }

        private static <T> T remember(Map<String, Optional<T>> known, String text, Function<String, T> parse) {
            Optional<T> value = known.get(text);
            if (value == null) {
                value = Optional.ofNullable(parse.apply(text));
                if (known.size() < MAX) {
                    known.put(text, value);
                }
            }
            return value.orElse(null);
        }

    }

    private static Integer count(String text) {
        if (text == null) {
            return null;
        }
        int value = Integer.parseInt(text);
        if (value < 0 || value > 20_000) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    /** A value in COPY's text format. */
    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /**
     * The chunk's school upsert; its events are added to {@code published}. @return
     * {inserted, updated}
     */
    private int[] upsertSchools(List<DomainEvent> published) {
        Instant now = clock.instant();
        int[] counts = new int[2];
        for (SchoolImportRepository.UpsertedSchool s : repository.upsertSchools()) {
            published.add(s.inserted()
                    ? new SchoolRegistered(DomainEvent.newId(), now, s.udiseCode(), s.name(), s.districtCode(),
                            s.blockCode(), s.category(), s.management(), s.ruralUrban(), s.pmPoshanEligible(),
                            s.latitude(), s.longitude(), s.kitchenId())
                    : new SchoolUpdated(DomainEvent.newId(), now, s.udiseCode(), s.name(), s.districtCode(),
                            s.blockCode(), s.category(), s.management(), s.ruralUrban(), s.pmPoshanEligible(),
                            s.latitude(), s.longitude(), s.kitchenId()));
            counts[s.inserted() ? 0 : 1]++;
        }
        return counts;
    }

    /**
     * The chunk's enrollment upsert; its events are added to {@code published}. @return
     * how many changed
     */
    private int upsertEnrollments(String academicYear, List<DomainEvent> published) {
        Instant now = clock.instant();
        List<SchoolImportRepository.ChangedEnrollment> changed = repository.upsertEnrollments(academicYear);
        for (SchoolImportRepository.ChangedEnrollment e : changed) {
            published.add(new EnrollmentUpdated(DomainEvent.newId(), now, e.udiseCode(), e.districtCode(),
                    e.blockCode(), academicYear, e.primaryCount(), e.upperPrimaryCount()));
        }
        return changed.size();
    }

    private static CSVFormat format() {
        return CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    }

    /**
     * Malformed bytes become U+FFFD, and the row that holds them is rejected for its
     * encoding.
     */
    private static Reader reader(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The file is not CSV (e.g. a quote never closed). */
    public static class MalformedCsvException extends RuntimeException {

        MalformedCsvException(String message) {
            super(message);
        }

    }

}
