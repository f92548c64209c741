package in.mdm.report.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.areas.LgdAreas;
import in.mdm.report.document.ReportDocument;
import in.mdm.report.document.ReportDocument.Chart;
import in.mdm.report.document.ReportDocument.ChartKind;
import in.mdm.report.document.ReportDocument.Column;
import in.mdm.report.document.ReportDocument.Kind;
import in.mdm.report.document.ReportDocument.Rows;
import in.mdm.report.document.ReportDocument.Section;
import in.mdm.report.document.ReportDocument.Series;
import in.mdm.report.document.ReportDocument.Table;
import in.mdm.report.facts.FactsQueryRepository;
import in.mdm.report.facts.Figures;
import in.mdm.report.facts.Figures.AreaPerformance;

/**
 * The five report templates, from the read models to a {@link ReportDocument}. Each
 * starts with its key figures against the previous period and the same period last year;
 * small tables are read at once, the large ones (schools that missed days, every school
 * day, the audit trail) stream from the database when the renderer reads them.
 */
@Service
public class ReportTemplates {

    /** The schools listed as most at risk. */
    static final int TOP_RISK = 10;

    /** Column keys of each template's tables, for custom columns. */
    static final Map<ReportType, Set<String>> COLUMNS = Map.of(
            ReportType.PERFORMANCE, Set.of("figure", "current", "previous", "change_previous", "last_year",
                    "change_last_year", "area", "name", "schools", "enrolled", "attendance_rate", "meals_served",
                    "no_meal_days", "reporting_rate", "timeliness", "reason", "days", "day", "udise", "attendance"),
            ReportType.FINANCIAL_UTILIZATION,
            Set.of("figure", "current", "previous", "change_previous", "last_year", "change_last_year", "area",
                    "allocated", "released", "utilized", "utilization_rate", "category", "amount"),
            ReportType.RISK_ASSESSMENT,
            Set.of("figure", "current", "previous", "change_previous", "last_year", "change_last_year", "area", "level",
                    "schools", "scored", "critical", "high", "medium", "low", "mean_score", "udise", "name", "day",
                    "score", "severity", "alerts"),
            ReportType.COMPLIANCE,
            Set.of("figure", "current", "previous", "change_previous", "last_year", "change_last_year", "udise", "name",
                    "area", "reported", "missed", "reason", "days", "due_on", "last_inspected_on"),
            ReportType.AUDIT,
            Set.of("figure", "current", "previous", "change_previous", "last_year", "change_last_year", "seq",
                    "occurred_at", "actor", "action", "method", "path", "status", "entity_type", "entity_id"));

    private final FactsQueryRepository facts;

    ReportTemplates(FactsQueryRepository facts) {
        this.facts = facts;
    }

    /** The column keys a template's tables have. */
    public static Set<String> columnKeys(ReportType type) {
        return COLUMNS.get(type);
    }

    /** The report as data; its large tables read the database when rendered. */
    public ReportDocument build(ReportRequest request) {
        Labels labels = Labels.of(request.language());
        List<Section> sections = switch (request.type()) {
            case PERFORMANCE -> performance(request, labels);
            case FINANCIAL_UTILIZATION -> financial(request, labels);
            case RISK_ASSESSMENT -> risk(request, labels);
            case COMPLIANCE -> compliance(request, labels);
            case AUDIT -> audit(request, labels);
        };
        List<Section> selected = sections.stream()
            .map(s -> new Section(s.heading(), s.paragraphs(), s.charts(),
                    s.tables().stream().map(t -> select(t, request.columns())).toList()))
            .toList();
        PeriodKind.Period p = request.period();
        String subtitle = labels.get("subtitle", labels.get("level." + request.scope().level()),
                scopeName(request.scope()), labels.get("period." + p.kind()), p.from(), p.to());
        return new ReportDocument(labels.get("title." + request.type()), subtitle, request.language(), selected);
    }

    // PERFORMANCE

    private List<Section> performance(ReportRequest r, Labels l) {
        PeriodKind.Period p = r.period();
        Jurisdiction scope = r.scope();
        List<AreaPerformance> areas = facts.performance(scope, p.from(), p.to());
        long days = facts.schoolDays(p.from(), p.to());
        List<Figure> figures = comparePerformance(scope, p, areas, days);
        List<Section> sections = new ArrayList<>();
        sections.add(comparison(l, figures, List.of(l.get("text.schoolDays", days))));

        List<Column> columns = List.of(col(l, "area", Kind.TEXT), col(l, "name", Kind.TEXT),
                col(l, "schools", Kind.INTEGER), col(l, "enrolled", Kind.INTEGER),
                col(l, "attendance_rate", Kind.PERCENT), col(l, "meals_served", Kind.INTEGER),
                col(l, "no_meal_days", Kind.INTEGER), col(l, "reporting_rate", Kind.PERCENT),
                col(l, "timeliness", Kind.PERCENT));
        Rows rows = each(areas,
                a -> new Object[] { a.area(), a.name() != null ? a.name() : childName(scope, a.area()), a.schools(),
                        a.enrolled(), share(a.attendance(), a.enrolledDays()), a.meals(), a.noMealDays(),
                        share(a.reports(), a.schools() * days), share(a.timely(), a.reports()) });
        Chart bar = new Chart(l.get("chart.areas"), ChartKind.BAR, l.get("col.area"), l.get("col.meals_served"),
                List.of(new Series(l.get("col.meals_served"),
                        areas.stream().map(a -> category(scope, a.area(), a.name())).toList(),
                        areas.stream().map(a -> (double) a.meals()).toList())));
        sections.add(new Section(l.get("section.areas"), List.of(), List.of(bar),
                List.of(new Table(l.get("section.areas"), columns, rows))));

        List<Figures.DayTrend> trend = facts.trend(scope, p.from(), p.to());
        Chart line = new Chart(l.get("chart.trend"), ChartKind.LINE, l.get("col.day"), l.get("col.attendance_rate"),
                List.of(new Series(l.get("col.attendance_rate"), trend.stream().map(t -> t.day().toString()).toList(),
                        trend.stream().map(t -> share(t.attendance(), t.enrolledDays())).toList())));
        Table trendTable = new Table(l.get("section.trend"),
                List.of(col(l, "day", Kind.DATE), col(l, "attendance", Kind.INTEGER),
                        col(l, "attendance_rate", Kind.PERCENT), col(l, "meals_served", Kind.INTEGER)),
                each(trend, t -> new Object[] { t.day(), t.attendance(), share(t.attendance(), t.enrolledDays()),
                        t.meals() }));
        sections.add(new Section(l.get("section.trend"), List.of(), List.of(line), List.of(trendTable)));
        sections.add(noMealSection(r, l));
        if (r.detail()) {
            sections.add(detail(r, l));
        }
        return sections;
    }

    private List<Figure> comparePerformance(Jurisdiction scope, PeriodKind.Period p, List<AreaPerformance> current,
            long days) {
        PeriodKind.Period prev = p.previous();
        PeriodKind.Period last = p.lastYear();
        AreaPerformance now = total(current);
        AreaPerformance before = total(facts.performance(scope, prev.from(), prev.to()));
        AreaPerformance year = total(facts.performance(scope, last.from(), last.to()));
        long daysBefore = facts.schoolDays(prev.from(), prev.to());
        long daysYear = facts.schoolDays(last.from(), last.to());
        return List.of(new Figure("schools", now.schools(), before.schools(), year.schools()),
                new Figure("enrolled", now.enrolled(), before.enrolled(), year.enrolled()),
                new Figure("attendance_rate", pct(now.attendance(), now.enrolledDays()),
                        pct(before.attendance(), before.enrolledDays()), pct(year.attendance(), year.enrolledDays())),
                new Figure("meals_served", now.meals(), before.meals(), year.meals()),
                new Figure("no_meal_days", now.noMealDays(), before.noMealDays(), year.noMealDays()),
                new Figure("reporting_rate", pct(now.reports(), now.schools() * days),
                        pct(before.reports(), before.schools() * daysBefore),
                        pct(year.reports(), year.schools() * daysYear)),
                new Figure("timeliness", pct(now.timely(), now.reports()), pct(before.timely(), before.reports()),
                        pct(year.timely(), year.reports())));
    }

    private Section noMealSection(ReportRequest r, Labels l) {
        List<Figures.Count> reasons = facts.noMealReasons(r.scope(), r.period().from(), r.period().to());
        return new Section(l.get("section.noMeal"), List.of(), List.of(),
                List.of(new Table(l.get("section.noMeal"),
                        List.of(col(l, "reason", Kind.TEXT), col(l, "days", Kind.INTEGER)),
                        each(reasons, c -> new Object[] { l.code(c.key()), c.count() }))));
    }

    private Section detail(ReportRequest r, Labels l) {
        List<Column> columns = List.of(col(l, "udise", Kind.TEXT), col(l, "name", Kind.TEXT), col(l, "day", Kind.DATE),
                col(l, "attendance", Kind.INTEGER), col(l, "enrolled", Kind.INTEGER),
                col(l, "meals_served", Kind.INTEGER), col(l, "reason", Kind.TEXT));
        Rows rows = row -> facts.schoolDayRows(r.scope(), r.period().from(), r.period().to(), row);
        return new Section(l.get("section.detail"), List.of(), List.of(),
                List.of(new Table(l.get("section.detail"), columns, rows)));
    }

    // FINANCIAL_UTILIZATION

    private List<Section> financial(ReportRequest r, Labels l) {
        PeriodKind.Period p = r.period();
        List<Figures.AreaMoney> areas = facts.money(r.scope(), p.from(), p.to());
        Figures.AreaMoney now = totalMoney(areas);
        Figures.AreaMoney before = totalMoney(facts.money(r.scope(), p.previous().from(), p.previous().to()));
        Figures.AreaMoney year = totalMoney(facts.money(r.scope(), p.lastYear().from(), p.lastYear().to()));
        List<Figure> figures = List.of(new Figure("allocated", now.allocated(), before.allocated(), year.allocated()),
                new Figure("released", now.released(), before.released(), year.released()),
                new Figure("utilized", now.utilized(), before.utilized(), year.utilized()),
                new Figure("utilization_rate", pct(now.utilized(), now.released()),
                        pct(before.utilized(), before.released()), pct(year.utilized(), year.released())));
        List<Column> columns = List.of(col(l, "area", Kind.TEXT), col(l, "name", Kind.TEXT),
                col(l, "allocated", Kind.DECIMAL), col(l, "released", Kind.DECIMAL), col(l, "utilized", Kind.DECIMAL),
                col(l, "utilization_rate", Kind.PERCENT));
        Rows rows = each(areas,
                a -> new Object[] { a.area() == null ? label(r.scope(), l) : a.area(), childName(r.scope(), a.area()),
                        a.allocated(), a.released(), a.utilized(), share(a.utilized(), a.released()) });
        Chart chart = new Chart(l.get("chart.money"), ChartKind.BAR, l.get("col.area"), l.get("col.amount"),
                List.of(series(l.get("col.released"), areas, Figures.AreaMoney::released, r, l),
                        series(l.get("col.utilized"), areas, Figures.AreaMoney::utilized, r, l)));
        List<Figures.Amount> categories = facts.utilizationByCategory(r.scope(), p.from(), p.to());
        Table byCategory = new Table(l.get("section.categories"),
                List.of(col(l, "category", Kind.TEXT), col(l, "amount", Kind.DECIMAL)),
                each(categories, c -> new Object[] { c.key(), c.amount() }));
        return List.of(comparison(l, figures, List.of()),
                new Section(l.get("section.money"), List.of(), List.of(chart),
                        List.of(new Table(l.get("section.money"), columns, rows))),
                new Section(l.get("section.categories"), List.of(), List.of(), List.of(byCategory)));
    }

    private static Series series(String name, List<Figures.AreaMoney> areas,
            java.util.function.Function<Figures.AreaMoney, BigDecimal> value, ReportRequest r, Labels l) {
        return new Series(name,
                areas.stream()
                    .map(a -> a.area() == null ? label(r.scope(), l) : category(r.scope(), a.area(), null))
                    .toList(),
                areas.stream().map(a -> value.apply(a).doubleValue()).toList());
    }

    // RISK_ASSESSMENT

    private List<Section> risk(ReportRequest r, Labels l) {
        PeriodKind.Period p = r.period();
        List<Figures.Count> levels = facts.riskLevels(r.scope(), p.from(), p.to());
        List<Figures.AreaRisk> areas = facts.riskByArea(r.scope(), p.from(), p.to());
        List<Figures.SchoolRisk> top = facts.topRisk(r.scope(), p.from(), p.to(), TOP_RISK);
        List<Figures.Count> alerts = facts.alertsBySeverity(r.scope(), p.from(), p.to());
        List<Figure> figures = List.of(riskFigure("scored", r, p, a -> (double) a.scored()),
                riskFigure("at_risk", r, p, a -> (double) (a.critical() + a.high())),
                riskFigure("mean_score", r, p, a -> a.scored() == 0 ? 0 : a.meanScore()),
                new Figure("alerts", sum(alerts),
                        sum(facts.alertsBySeverity(r.scope(), p.previous().from(), p.previous().to())),
                        sum(facts.alertsBySeverity(r.scope(), p.lastYear().from(), p.lastYear().to()))));
        Chart pie = new Chart(l.get("chart.distribution"), ChartKind.PIE, l.get("col.level"), l.get("col.schools"),
                List.of(new Series(l.get("col.schools"), levels.stream().map(c -> l.code(c.key())).toList(),
                        levels.stream().map(c -> (double) c.count()).toList())));
        Table distribution = new Table(l.get("section.distribution"),
                List.of(col(l, "level", Kind.TEXT), col(l, "schools", Kind.INTEGER)),
                each(levels, c -> new Object[] { l.code(c.key()), c.count() }));
        Table byArea = new Table(l.get("section.areas"),
                List.of(col(l, "area", Kind.TEXT), col(l, "name", Kind.TEXT), col(l, "scored", Kind.INTEGER),
                        col(l, "critical", Kind.INTEGER), col(l, "high", Kind.INTEGER), col(l, "medium", Kind.INTEGER),
                        col(l, "low", Kind.INTEGER), col(l, "mean_score", Kind.DECIMAL)),
                each(areas, a -> new Object[] { a.area(), childName(r.scope(), a.area()), a.scored(), a.critical(),
                        a.high(), a.medium(), a.low(), round(a.meanScore()) }));
        Table topTable = new Table(l.get("section.top"),
                List.of(col(l, "udise", Kind.TEXT), col(l, "name", Kind.TEXT), col(l, "area", Kind.TEXT),
                        col(l, "day", Kind.DATE), col(l, "score", Kind.DECIMAL), col(l, "level", Kind.TEXT)),
                each(top, s -> new Object[] { s.udise(), s.name(), s.area(), s.day(), round(s.score()),
                        l.code(s.level()) }));
        Table alertTable = new Table(l.get("section.alerts"),
                List.of(col(l, "severity", Kind.TEXT), col(l, "alerts", Kind.INTEGER)),
                each(alerts, c -> new Object[] { l.code(c.key()), c.count() }));
        return List.of(comparison(l, figures, List.of()),
                new Section(l.get("section.distribution"), List.of(), List.of(pie), List.of(distribution)),
                new Section(l.get("section.areas"), List.of(), List.of(), List.of(byArea)),
                new Section(l.get("section.top"), List.of(), List.of(), List.of(topTable)),
                new Section(l.get("section.alerts"), List.of(), List.of(), List.of(alertTable)));
    }

    private Figure riskFigure(String key, ReportRequest r, PeriodKind.Period p,
            java.util.function.ToDoubleFunction<Figures.AreaRisk> value) {
        return new Figure(key, value.applyAsDouble(totalRisk(facts.riskByArea(r.scope(), p.from(), p.to()))),
                value.applyAsDouble(totalRisk(facts.riskByArea(r.scope(), p.previous().from(), p.previous().to()))),
                value.applyAsDouble(totalRisk(facts.riskByArea(r.scope(), p.lastYear().from(), p.lastYear().to()))));
    }

    // COMPLIANCE

    private List<Section> compliance(ReportRequest r, Labels l) {
        PeriodKind.Period p = r.period();
        List<Figure> perf = comparePerformance(r.scope(), p, facts.performance(r.scope(), p.from(), p.to()),
                facts.schoolDays(p.from(), p.to()));
        long[] nonReporting = new long[3];
        List<PeriodKind.Period> three = List.of(p, p.previous(), p.lastYear());
        long[] overdue = new long[3];
        double[] onTime = new double[3];
        double[] score = new double[3];
        for (int i = 0; i < 3; i++) {
            PeriodKind.Period q = three.get(i);
            long[] n = { 0 };
            facts.nonReporting(r.scope(), q.from(), q.to(), row -> n[0]++);
            nonReporting[i] = n[0];
            overdue[i] = facts.inspectionsOverdue(r.scope(), q.from(), q.to());
            Figures.Deliveries d = facts.deliveries(r.scope(), q.from(), q.to());
            onTime[i] = pct(d.onTime(), d.received());
            Double mean = facts.inspectionScores(r.scope(), q.from(), q.to()).meanScore();
            score[i] = mean == null ? 0 : mean;
        }
        List<Figure> figures = new ArrayList<>();
        perf.stream()
            .filter(f -> Set.of("reporting_rate", "timeliness", "no_meal_days").contains(f.key()))
            .forEach(figures::add);
        figures.add(new Figure("non_reporting", nonReporting[0], nonReporting[1], nonReporting[2]));
        figures.add(new Figure("inspections_overdue", overdue[0], overdue[1], overdue[2]));
        figures.add(new Figure("deliveries_on_time", onTime[0], onTime[1], onTime[2]));
        figures.add(new Figure("inspection_score", score[0], score[1], score[2]));
        Table missing = new Table(l.get("section.reporting"),
                List.of(col(l, "udise", Kind.TEXT), col(l, "name", Kind.TEXT), col(l, "area", Kind.TEXT),
                        col(l, "reported", Kind.INTEGER), col(l, "missed", Kind.INTEGER)),
                row -> facts.nonReporting(r.scope(), p.from(), p.to(), row));
        Table inspections = new Table(l.get("section.inspections"),
                List.of(col(l, "udise", Kind.TEXT), col(l, "name", Kind.TEXT), col(l, "due_on", Kind.DATE),
                        col(l, "last_inspected_on", Kind.DATE)),
                row -> facts.overdueInspections(r.scope(), p.from(), p.to(), row));
        return List.of(comparison(l, figures, List.of(l.get("text.schoolDays", facts.schoolDays(p.from(), p.to())))),
                new Section(l.get("section.reporting"), List.of(), List.of(), List.of(missing)), noMealSection(r, l),
                new Section(l.get("section.inspections"), List.of(), List.of(), List.of(inspections)));
    }

    // AUDIT

    private List<Section> audit(ReportRequest r, Labels l) {
        PeriodKind.Period p = r.period();
        List<Figure> figures = List.of(new Figure("audit_entries", facts.auditCount(p.from(), p.to()),
                facts.auditCount(p.previous().from(), p.previous().to()),
                facts.auditCount(p.lastYear().from(), p.lastYear().to())));
        Table entries = new Table(l.get("section.audit"),
                List.of(col(l, "seq", Kind.INTEGER), col(l, "occurred_at", Kind.TEXT), col(l, "actor", Kind.TEXT),
                        col(l, "action", Kind.TEXT), col(l, "method", Kind.TEXT), col(l, "path", Kind.TEXT),
                        col(l, "status", Kind.INTEGER), col(l, "entity_type", Kind.TEXT),
                        col(l, "entity_id", Kind.TEXT)),
                row -> facts.auditEntries(p.from(), p.to(), row));
        return List.of(comparison(l, figures, List.of()),
                new Section(l.get("section.audit"), List.of(), List.of(), List.of(entries)));
    }

    // shared

    /** A key figure now, in the previous period and in the same period last year. */
    record Figure(String key, double current, double previous, double lastYear) {

        /** Figures that count something: written as whole numbers (3, not 3.00). */
        private static final Set<String> COUNTS = Set.of("schools", "enrolled", "meals_served", "no_meal_days",
                "scored", "at_risk", "alerts", "non_reporting", "inspections_overdue", "audit_entries");

        Figure(String key, BigDecimal current, BigDecimal previous, BigDecimal lastYear) {
            this(key, current.doubleValue(), previous.doubleValue(), lastYear.doubleValue());
        }

        /**
         * A value of this figure as its table cell: a count whole, anything else to 2
         * places.
         */
        Object value(double value) {
            return COUNTS.contains(key) ? (Object) Math.round(value) : round(value);
        }

    }

    private static Section comparison(Labels l, List<Figure> figures, List<String> paragraphs) {
        List<Column> columns = List.of(col(l, "figure", Kind.TEXT), col(l, "current", Kind.DECIMAL),
                col(l, "previous", Kind.DECIMAL), col(l, "change_previous", Kind.DECIMAL),
                col(l, "last_year", Kind.DECIMAL), col(l, "change_last_year", Kind.DECIMAL));
        Rows rows = each(figures,
                f -> new Object[] { l.get("figure." + f.key()), f.value(f.current()), f.value(f.previous()),
                        f.value(f.current() - f.previous()), f.value(f.lastYear()),
                        f.value(f.current() - f.lastYear()) });
        return new Section(l.get("section.comparison"), paragraphs, List.of(),
                List.of(new Table(l.get("section.comparison"), columns, rows)));
    }

    /**
     * Keeps the named columns a table has, in the order named; a table with none is kept
     * whole.
     */
    static Table select(Table table, List<String> keys) {
        if (keys.isEmpty()) {
            return table;
        }
        List<Integer> kept = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).key().equals(key)) {
                    kept.add(i);
                }
            }
        }
        if (kept.isEmpty()) {
            return table;
        }
        List<Column> columns = kept.stream().map(table.columns()::get).toList();
        Rows rows = row -> table.rows().forEach(values -> {
            Object[] projected = new Object[kept.size()];
            for (int i = 0; i < projected.length; i++) {
                projected[i] = values[kept.get(i)];
            }
            row.accept(projected);
        });
        return new Table(table.name(), columns, rows);
    }

    private static <T> Rows each(List<T> items, java.util.function.Function<T, Object[]> toRow) {
        List<T> copy = List.copyOf(items);
        return (Consumer<Object[]> row) -> copy.forEach(item -> row.accept(toRow.apply(item)));
    }

    private static Column col(Labels l, String key, Kind kind) {
        return new Column(key, l.get("col." + key), kind);
    }

    /**
     * The name of a child area of a scope that only its code names in the facts: a
     * district of the state or a block of a district, from the LGD lists; null for
     * anything else (schools carry their own names).
     */
    static String childName(Jurisdiction scope, String area) {
        if (area == null) {
            return null;
        }
        return switch (scope.level()) {
            case STATE -> LgdAreas.india().districtName(area).orElse(null);
            case DISTRICT -> LgdAreas.india().blockName(scope.code(), area).orElse(null);
            default -> null;
        };
    }

    /** The scope as the subtitle names it: "Dharmapuri (571)", or its code alone. */
    static String scopeName(Jurisdiction scope) {
        var areas = LgdAreas.india();
        var name = switch (scope.level()) {
            case STATE -> areas.stateName(scope.code());
            case DISTRICT -> areas.districtName(scope.code());
            case BLOCK -> areas.blockName(scope.code());
            case SCHOOL -> Optional.<String>empty();
        };
        return name.map(n -> n + " (" + scope.code() + ")").orElse(scope.code());
    }

    /**
     * A chart's category for a child area: its name and code when named, else its code.
     */
    private static String category(Jurisdiction scope, String area, String name) {
        String named = name != null ? name : childName(scope, area);
        return named == null ? area : named + " (" + area + ")";
    }

    private static String label(Jurisdiction scope, Labels l) {
        return l.get("level." + scope.level()) + " " + scope.code();
    }

    private static AreaPerformance total(List<AreaPerformance> areas) {
        AreaPerformance total = new AreaPerformance(null, null, 0, 0, 0, 0, 0, 0, 0, 0);
        for (AreaPerformance a : areas) {
            total = total.plus(a);
        }
        return total;
    }

    private static Figures.AreaMoney totalMoney(List<Figures.AreaMoney> areas) {
        BigDecimal a = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        BigDecimal u = BigDecimal.ZERO;
        for (Figures.AreaMoney m : areas) {
            a = a.add(m.allocated());
            r = r.add(m.released());
            u = u.add(m.utilized());
        }
        return new Figures.AreaMoney(null, a, r, u);
    }

    private static Figures.AreaRisk totalRisk(List<Figures.AreaRisk> areas) {
        long scored = 0;
        long critical = 0;
        long high = 0;
        long medium = 0;
        long low = 0;
        double weighted = 0;
        for (Figures.AreaRisk a : areas) {
            scored += a.scored();
            critical += a.critical();
            high += a.high();
            medium += a.medium();
            low += a.low();
            weighted += a.meanScore() * a.scored();
        }
        return new Figures.AreaRisk(null, scored, critical, high, medium, low, scored == 0 ? 0 : weighted / scored);
    }

    private static long sum(List<Figures.Count> counts) {
        return counts.stream().mapToLong(Figures.Count::count).sum();
    }

    /** part / whole as a share 0-1, null when the whole is zero. */
    static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    static Double share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** part / whole in percent, 0 when the whole is zero. */
    static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static double pct(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? 0
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Two decimal places. */
    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

}
