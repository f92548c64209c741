package in.mdm.report.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.Caller;
import in.mdm.report.facts.FactsQueryRepository;
import in.mdm.report.facts.Figures;
import in.mdm.report.job.ReportJobService;
import in.mdm.report.template.PeriodKind;

@Service
class KpiService {

    private final FactsQueryRepository facts;

    private final ReportJobService jobs;

    KpiService(FactsQueryRepository facts, ReportJobService jobs) {
        this.facts = facts;
        this.jobs = jobs;
    }

    @Transactional(readOnly = true)
    KpiResponse kpis(Jurisdiction.Level level, String code, PeriodKind kind, LocalDate from, Caller caller) {
        Jurisdiction scope = jobs.checkedScope(level, code, "code", caller);
        PeriodKind.Period p = kind.of(from);
        Map<String, Long> risk = new LinkedHashMap<>();
        facts.riskLevels(scope, p.from(), p.to()).forEach(c -> risk.put(c.key(), c.count()));
        BigDecimal allocated = BigDecimal.ZERO;
        BigDecimal released = BigDecimal.ZERO;
        BigDecimal utilized = BigDecimal.ZERO;
        for (Figures.AreaMoney m : facts.money(scope, p.from(), p.to())) {
            allocated = allocated.add(m.allocated());
            released = released.add(m.released());
            utilized = utilized.add(m.utilized());
        }
        Double rate = released.signum() == 0 ? null
                : utilized.divide(released, 4, RoundingMode.HALF_EVEN).doubleValue();
        List<KpiResponse.TrendPoint> trend = facts.trend(scope, p.from(), p.to())
            .stream()
            .map(t -> new KpiResponse.TrendPoint(t.day(),
                    t.enrolledDays() == 0 ? null : (double) t.attendance() / t.enrolledDays(), t.meals()))
            .toList();
        Figures.Supply s = facts.supply(scope, p.from(), p.to());
        Figures.Deliveries d = facts.deliveries(scope, p.from(), p.to());
        KpiResponse.SupplyChain supply = new KpiResponse.SupplyChain(s.stockDays(), s.stockOutDays(), s.lowDays(),
                s.stockDays() == 0 ? null : (double) s.stockOutDays() / s.stockDays(), s.deliveriesLate(),
                s.meanDaysLate(), d.received(), d.onTime(),
                d.received() == 0 ? null : (double) d.onTime() / d.received());
        Figures.Scores scores = facts.inspectionScores(scope, p.from(), p.to());
        return new KpiResponse(level, code, kind, p.from(), p.to(), risk,
                new KpiResponse.Utilization(allocated, released, utilized, rate), trend, supply,
                new KpiResponse.Inspections(facts.inspectionsOverdue(scope, p.from(), p.to()), scores.inspections(),
                        scores.meanScore()));
    }

}
