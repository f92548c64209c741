package in.mdm.finance.allocation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.AcademicYear;
import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.finance.AllocationCalculated;
import in.mdm.finance.FinanceProblems;
import in.mdm.finance.audit.AuditAction;
import in.mdm.finance.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;

/**
 * The allocation engine: a year's cooking-cost allocation per school from its enrollment
 * and the cost norms.
 */
@Service
public class AllocationService {

    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final AllocationRepository allocations;

    private final ApplicationEventPublisher events;

    private final AuditTrail audit;

    private final String stateCode;

    private final List<BigDecimal> sharingPatterns;

    private final Clock clock;

    AllocationService(AllocationRepository allocations, ApplicationEventPublisher events, AuditTrail audit, Clock clock,
            @Value("${mdm.finance.state-code:33}") String stateCode,
            @Value("${mdm.finance.sharing-patterns:60,90,100}") List<BigDecimal> sharingPatterns) {
        this.allocations = allocations;
        this.events = events;
        this.audit = audit;
        this.stateCode = stateCode;
        this.sharingPatterns = List.copyOf(sharingPatterns);
        this.clock = clock;
    }

    /**
     * (Re)calculates every enrolled school of the year in scope with the norms in force
     * on 1 June of the year, replaces their allocations and publishes one
     * AllocationCalculated for the run (outbox, same transaction).
     */
    @Transactional
    AllocationTotals calculate(CalculateAllocationRequest request, Caller caller) {
        if (request.districtCode() != null && request.blockCode() != null) {
            throw ApiException.badRequest(FinanceProblems.ALLOCATION_ONE_SCOPE,
                    "Give districtCode or blockCode, not both (neither: the whole state)");
        }
        CostNorms norms = normsFor(request.academicYear());
        Instant now = clock.instant();
        AllocationTotals totals = allocations.calculate(request.academicYear(), request.districtCode(),
                request.blockCode(), norms, now);
        Jurisdiction scope = request.districtCode() != null ? Jurisdiction.district(request.districtCode())
                : request.blockCode() != null ? Jurisdiction.block(request.blockCode()) : Jurisdiction.state(stateCode);
        UUID runId = UUID.randomUUID();
        audit.record(caller.username(), AuditAction.ALLOCATION_CALCULATED, runId.toString(),
                new AuditTrail.Location(request.districtCode(), request.blockCode(), null), null,
                AuditTrail.values("academicYear", request.academicYear(), "schools", totals.schools(), "total",
                        totals.total()),
                null);
        events.publishEvent(new AllocationCalculated(DomainEvent.newId(), now, runId, request.academicYear(), scope,
                totals.schools(), totals.total(), totals.centreShare(), totals.stateShare()));
        return totals;
    }

    /**
     * Recalculates one school's existing allocation after its enrollment changed (in the
     * transaction that applies the enrollment); a school without an allocation for the
     * year, or a year without norms, is left alone.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recalculateSchool(String udiseCode, String academicYear) {
        if (!allocations.exists(udiseCode, academicYear)) {
            return;
        }
        Optional<CostNorms> norms = findNormsFor(academicYear);
        norms.ifPresent(n -> allocations.calculate(academicYear, null, null, udiseCode, n, clock.instant()));
    }

    @Transactional(readOnly = true)
    Allocation school(String udiseCode, String academicYear, Caller caller) {
        return allocations.findSchool(udiseCode, academicYear, scope(caller))
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.ALLOCATION_NOT_FOUND,
                    "No allocation for school " + udiseCode + " in " + academicYear));
    }

    /**
     * A district's totals, for a caller whose jurisdiction holds the whole district; 404
     * otherwise.
     */
    @Transactional(readOnly = true)
    AllocationTotals district(String districtCode, String academicYear, Caller caller) {
        if (!JurisdictionScope.of(caller).covers(districtCode, null, null)) {
            throw ApiException.notFound(FinanceProblems.ALLOCATION_NOT_FOUND,
                    "No allocations in district " + districtCode + " for " + academicYear);
        }
        return area(academicYear, districtCode, null, "district " + districtCode, caller);
    }

    /**
     * A block's totals; another jurisdiction's block has none inside the caller's, a 404.
     */
    @Transactional(readOnly = true)
    AllocationTotals block(String blockCode, String academicYear, Caller caller) {
        return area(academicYear, null, blockCode, "block " + blockCode, caller);
    }

    /**
     * Sets an allocation's amount by hand: the adjustment (amount − calculated amount) is
     * kept across recalculations, the shares are split again at the allocation's centre
     * share, and the audit trail keeps who, why, before and after. The amount can never
     * go below what has been released.
     */
    @Transactional
    Allocation adjust(UUID allocationId, AdjustAllocationRequest request, Caller caller) {
        Allocation before = allocations.lock(allocationId, scope(caller))
            .orElseThrow(
                    () -> ApiException.notFound(FinanceProblems.ALLOCATION_NOT_FOUND, "No allocation " + allocationId));
        BigDecimal amount = request.amount().setScale(2);
        if (amount.compareTo(before.released()) < 0) {
            throw ApiException.conflict(FinanceProblems.ALLOCATION_BELOW_RELEASED,
                    "The allocation cannot go below the " + before.released() + " already released");
        }
        CostNorms.Split split = CostNorms.split(amount, before.centreSharePercent());
        allocations.adjust(allocationId, amount.subtract(before.calculatedAmount()), split, clock.instant());
        Allocation after = allocations.lock(allocationId, scope(caller)).orElseThrow();
        audit.record(caller.username(), AuditAction.ALLOCATION_ADJUSTED, allocationId.toString(),
                new AuditTrail.Location(before.districtCode(), before.blockCode(), before.udiseCode()),
                AuditTrail.values("amount", before.amount(), "adjustment", before.adjustment(), "centreShare",
                        before.centreShare(), "stateShare", before.stateShare()),
                AuditTrail.values("amount", after.amount(), "adjustment", after.adjustment(), "centreShare",
                        after.centreShare(), "stateShare", after.stateShare()),
                request.reason());
        return after;
    }

    /**
     * The allocation locked for a release decision; empty when unknown or outside the
     * caller's jurisdiction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ReleasableAllocation> lockForRelease(UUID allocationId, Caller caller) {
        return allocations.lock(allocationId, scope(caller)).map(Allocation::releasable);
    }

    /**
     * Adds a released amount to the allocation (the database refuses more than the
     * allocation).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRelease(UUID allocationId, BigDecimal amount) {
        allocations.addReleased(allocationId, amount);
    }

    @Transactional(readOnly = true)
    List<CostNorm> norms() {
        return allocations.allNorms();
    }

    /**
     * Adds a revision of the norms from a date, for both categories. Only from today on
     * (India time): a revision never rewrites the norms of a day that has passed, and
     * allocations keep the rates they were calculated with.
     */
    @Transactional
    List<CostNorm> revise(NormRevisionRequest request, Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(INDIA));
        if (request.effectiveFrom().isBefore(today)) {
            throw ApiException.badRequest(FinanceProblems.NORM_RETROACTIVE,
                    "effectiveFrom must be today (" + today + ") or later: a revision never rewrites the past");
        }
        if (sharingPatterns.stream().noneMatch(p -> p.compareTo(request.centreSharePercent()) == 0)) {
            throw ApiException.badRequest(FinanceProblems.NORM_SHARING_PATTERN,
                    "centreSharePercent must be one of " + sharingPatterns + " (centre:state 60:40, 90:10, 100:0)");
        }
        Instant now = clock.instant();
        boolean primary = allocations.insertNorm(
                new CostNorm(NormCategory.PRIMARY, request.primary().ratePerChildDay(), request.primary().schoolDays(),
                        request.centreSharePercent(), request.effectiveFrom(), caller.username(), now));
        boolean upper = allocations.insertNorm(new CostNorm(NormCategory.UPPER_PRIMARY,
                request.upperPrimary().ratePerChildDay(), request.upperPrimary().schoolDays(),
                request.centreSharePercent(), request.effectiveFrom(), caller.username(), now));
        if (!primary || !upper) {
            throw ApiException.conflict(FinanceProblems.NORM_EXISTS,
                    "Norms from " + request.effectiveFrom() + " exist already");
        }
        audit.record(caller.username(), AuditAction.NORM_REVISED, request.effectiveFrom().toString(),
                new AuditTrail.Location(null, null, null), null, request, null);
        List<CostNorm> added = new ArrayList<>();
        for (CostNorm norm : allocations.allNorms()) {
            if (norm.effectiveFrom().equals(request.effectiveFrom())) {
                added.add(norm);
            }
        }
        return added;
    }

    private AllocationTotals area(String academicYear, String districtCode, String blockCode, String name,
            Caller caller) {
        AllocationTotals totals = allocations.totals(academicYear, districtCode, blockCode, scope(caller));
        if (totals.schools() == 0) {
            throw ApiException.notFound(FinanceProblems.ALLOCATION_NOT_FOUND,
                    "No allocations in " + name + " for " + academicYear);
        }
        return totals;
    }

    private static JurisdictionScope.Condition scope(Caller caller) {
        return JurisdictionScope.of(caller).where(AllocationRepository.PLACE);
    }

    /**
     * Both categories' norms in force on the year's first day; they must agree on the
     * centre's share.
     */
    private CostNorms normsFor(String academicYear) {
        return findNormsFor(academicYear).orElseThrow(() -> ApiException.conflict(FinanceProblems.NORM_MISSING,
                "No cost norms in force on " + AcademicYear.start(academicYear) + " for " + academicYear));
    }

    private Optional<CostNorms> findNormsFor(String academicYear) {
        LocalDate start = AcademicYear.start(academicYear);
        Map<NormCategory, CostNorm> byCategory = allocations.normsOn(start)
            .stream()
            .collect(Collectors.toMap(CostNorm::category, n -> n));
        CostNorm primary = byCategory.get(NormCategory.PRIMARY);
        CostNorm upper = byCategory.get(NormCategory.UPPER_PRIMARY);
        if (primary == null || upper == null) {
            return Optional.empty();
        }
        if (primary.centreSharePercent().compareTo(upper.centreSharePercent()) != 0) {
            throw ApiException.conflict(FinanceProblems.NORM_INCONSISTENT, "The norms in force on " + start
                    + " differ in the centre's share between primary and upper primary");
        }
        return Optional.of(new CostNorms(primary.ratePerChildDay(), upper.ratePerChildDay(), primary.schoolDays(),
                upper.schoolDays(), primary.centreSharePercent()));
    }

}
