package in.mdm.ml.cascade;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.events.DomainEvent;
import in.mdm.events.ml.CascadeRiskDetected;
import in.mdm.ml.MlProblems;
import in.mdm.ml.cascade.CascadePropagation.Exposure;
import in.mdm.ml.cascade.SupplyGraph.Kind;
import in.mdm.ml.cascade.SupplyGraph.Node;
import in.mdm.ml.feature.SchoolCalendar;
import in.mdm.platform.events.EventBatches;
import in.mdm.platform.security.Caller;
import in.mdm.platform.web.ApiException;

/**
 * The cascade risk of a district from the feature store's tables (see the README,
 * "Cascade risk"), its publication (one CascadeRiskDetected per source and change, the
 * published state in {@code cascade_sources}) and the API's reads within the caller's
 * jurisdiction: a district or node the caller may not see is not found, exactly like one
 * that does not exist.
 */
@Service
class CascadeService {

    private static final Logger log = LoggerFactory.getLogger(CascadeService.class);

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final CascadeRepository repository;

    private final CascadeSettings settings;

    private final CascadeModel model;

    private final EventBatches events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final SchoolCalendar calendar = SchoolCalendar.standard();

    /**
     * The latest assessment of each district, for readers: made by the evaluation job (or
     * by the first reader after {@code freshFor}), so a burst of readers of a district
     * costs one assessment, not one each (concurrent first readers wait for the one).
     */
    private final Cache<String, Optional<Cascade.Assessment>> recent;

    CascadeService(CascadeRepository repository, CascadeSettings settings, EventBatches events,
            TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.model = settings.model();
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.recent = Caffeine.newBuilder().expireAfterWrite(settings.freshFor()).maximumSize(2_000).build();
    }

    /** The district's assessment as readers get it: at most {@code freshFor} old. */
    Optional<Cascade.Assessment> latest(String districtCode) {
        return recent.get(districtCode, this::assess);
    }

    /** A district's assessment as of now (empty: no school of the district is known). */
    Optional<Cascade.Assessment> assess(String districtCode) {
        List<CascadeRepository.SchoolRow> rows = repository.schools(districtCode);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, INDIA);
        Set<String> siteCodes = new LinkedHashSet<>();
        List<Cascade.School> schools = new ArrayList<>(rows.size());
        for (CascadeRepository.SchoolRow r : rows) {
            siteCodes.add(r.site());
            // no event carries a school's coordinates: no sharing edges in the service
            schools.add(new Cascade.School(r.udiseCode(), r.blockCode(), r.enrollment(), r.own(), r.site(), Double.NaN,
                    Double.NaN));
        }
        Map<String, boolean[]> out = new HashMap<>();
        Map<String, Double> left = new HashMap<>();
        for (CascadeRepository.StockRow s : repository.stock(siteCodes, now.minus(Duration.ofDays(21)))) {
            int elapsed = calendar.schoolDaysBetween(LocalDate.ofInstant(s.observedAt(), INDIA), today);
            boolean isOut = "STOCK_OUT".equals(s.status()) || s.daysOfStock() <= 0;
            double projected = model.daysLeft(isOut, s.daysOfStock(), elapsed);
            if (Double.isNaN(projected)) {
                continue;
            }
            if (isOut) {
                out.computeIfAbsent(s.site(), x -> new boolean[1])[0] = true;
            }
            left.merge(s.site(), projected, Math::min);
        }
        Map<String, Set<String>> suppliers = new HashMap<>();
        Set<String> late = new HashSet<>();
        for (CascadeRepository.LateRow l : repository.late(siteCodes, now.minus(Duration.ofDays(120)))) {
            suppliers.computeIfAbsent(l.site(), x -> new TreeSet<>()).add(l.supplierCode());
            if (calendar.schoolDaysBetween(LocalDate.ofInstant(l.observedAt(), INDIA), today) <= model.lateWindow()) {
                late.add(l.site());
            }
        }
        Map<String, Cascade.Site> sites = new HashMap<>();
        Set<String> allSuppliers = new TreeSet<>();
        for (String site : siteCodes) {
            Set<String> of = suppliers.getOrDefault(site, Set.of());
            allSuppliers.addAll(of);
            sites.put(site, new Cascade.Site(site, out.containsKey(site), false, left.getOrDefault(site, Double.NaN),
                    late.contains(site), of));
        }
        Map<String, Integer> lateSites = allSuppliers.isEmpty() ? Map.of()
                : repository.lateSites(allSuppliers, since(today, model.supplierWindow()));
        return Optional.of(Cascade.assess(model, schools, sites, lateSites));
    }

    /**
     * The start of the day that begins the last {@code schoolDays} school days up to
     * today.
     */
    private Instant since(LocalDate today, int schoolDays) {
        LocalDate day = today;
        int n = calendar.isSchoolDay(today) ? 1 : 0;
        while (n < schoolDays && day.isAfter(today.minusDays(60))) {
            day = day.minusDays(1);
            n += calendar.isSchoolDay(day) ? 1 : 0;
        }
        return day.atStartOfDay(INDIA).toInstant();
    }

    /**
     * Every district with recent supply reports or published sources, each in its own
     * transaction.
     */
    int evaluateAll() {
        int published = 0;
        for (String district : repository.activeDistricts(clock.instant().minus(Duration.ofDays(21)))) {
            try {
                published += transactions.execute(status -> evaluate(district));
            }
            catch (RuntimeException ex) {
                log.warn("cascade assessment of district {} failed: {}", district, ex.toString());
            }
        }
        return published;
    }

    /**
     * Assesses a district and publishes a CascadeRiskDetected for each source that is
     * new, whose level or exposed schools changed, or that no longer exposes any (level
     * {@code CLEARED}, no schools); nothing for an unchanged situation. In a transaction.
     */
    int evaluate(String district) {
        Map<String, CascadeRepository.Published> before = repository.published(district);
        Optional<Cascade.Assessment> made = assess(district);
        recent.put(district, made);
        Cascade.Assessment assessment = made.orElse(null);
        List<CascadeRiskDetected> changes = new ArrayList<>();
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        if (assessment != null) {
            for (Cascade.Source source : assessment.sources()) {
                if (ownStore(source)) {
                    continue;
                }
                String key = source.node().kind() + ":" + source.node().code();
                seen.add(key);
                String hash = hash(source.affected());
                CascadeRepository.Published was = before.get(key);
                if (was != null && was.level().equals(source.level()) && was.affectedHash().equals(hash)) {
                    continue;
                }
                repository.save(district, source.node().kind().name(), source.node().code(), source.level(), hash,
                        source.affected().size(), source.children(), now);
                changes.add(new CascadeRiskDetected(DomainEvent.newId(), now, source.node().kind().name(),
                        source.node().code(), source.affected(), source.children(), source.level(),
                        source.path().stream().map(Node::toString).toList(), List.copyOf(source.blocks())));
            }
        }
        for (CascadeRepository.Published was : before.values()) {
            if (!seen.contains(was.kind() + ":" + was.code())) {
                repository.clear(district, was.kind(), was.code());
                changes.add(new CascadeRiskDetected(DomainEvent.newId(), now, was.kind(), was.code(), List.of(), 0,
                        "CLEARED", List.of(), List.of()));
            }
        }
        if (settings.publish() && !changes.isEmpty()) {
            events.publish(changes);
        }
        return changes.size();
    }

    /**
     * A school's own store that ran short threatens that school alone: its stock alert
     * tells it already, and nothing cascades, so it is not published as a cascade.
     */
    static boolean ownStore(Cascade.Source source) {
        return source.node().kind() == Kind.KITCHEN && source.affected().size() == 1
                && source.affected().getFirst().equals(source.node().code());
    }

    CascadeResponse district(String districtCode, Caller caller) {
        Cascade.Assessment assessment = latest(districtCode).orElse(null);
        if (assessment == null || assessment.schools()
            .values()
            .stream()
            .noneMatch(s -> caller.covers(districtCode, s.school().blockCode(), s.school().udiseCode()))) {
            throw ApiException.notFound(MlProblems.CASCADE_NOT_FOUND, "districtCode: no district " + districtCode);
        }
        return CascadeResponse.of(districtCode, LocalDate.ofInstant(clock.instant(), INDIA), assessment,
                s -> caller.covers(districtCode, s.blockCode(), s.udiseCode()));
    }

    CascadeResponse.NodeResponse node(Kind kind, String code, Caller caller) {
        for (String district : repository.districtsOf(kind, code)) {
            Cascade.Assessment assessment = latest(district).orElse(null);
            if (assessment == null) {
                continue;
            }
            Exposure exposure = assessment.nodes().get(new Node(kind, code));
            if (exposure == null) {
                continue;
            }
            List<String> downstream = new ArrayList<>();
            List<String> affected = new ArrayList<>();
            for (Cascade.SchoolExposure s : assessment.schools().values()) {
                if (!caller.covers(district, s.school().blockCode(), s.school().udiseCode())) {
                    continue;
                }
                List<Node> path = s.exposure().path();
                boolean below = kind == Kind.SCHOOL ? s.school().udiseCode().equals(code) : kind == Kind.KITCHEN
                        ? code.equals(s.school().site()) : isSupplied(assessment, s.school().site(), code);
                if (below) {
                    downstream.add(s.school().udiseCode());
                    if (s.level() != null && path.contains(new Node(kind, code))) {
                        affected.add(s.school().udiseCode());
                    }
                }
            }
            if (downstream.isEmpty()) {
                continue;
            }
            return CascadeResponse.NodeResponse.of(district, exposure,
                    kind == Kind.SCHOOL ? model.level(exposure.exposure()) : null, downstream, affected);
        }
        throw ApiException.notFound(MlProblems.CASCADE_NOT_FOUND, "No " + kind.name().toLowerCase() + " " + code);
    }

    private static boolean isSupplied(Cascade.Assessment assessment, String site, String supplier) {
        Exposure kitchen = assessment.nodes().get(new Node(Kind.KITCHEN, site));
        return kitchen != null && assessment.nodes().containsKey(new Node(Kind.SUPPLIER, supplier))
                && assessment.suppliersOf(site).contains(supplier);
    }

    static String hash(List<String> affected) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join(",", affected).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
