package in.mdm.finance.allocation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.finance.AllocationCalculated;
import in.mdm.platform.web.ApiException;

/** The allocation engine: a year's cooking-cost allocation per school from its enrollment and the cost norms. */
@Service
public class AllocationService {

    private final AllocationRepository allocations;
    private final ApplicationEventPublisher events;
    private final String stateCode;
    private final Clock clock;

    AllocationService(AllocationRepository allocations, ApplicationEventPublisher events,
            @Value("${mdm.finance.state-code:33}") String stateCode) {
        this.allocations = allocations;
        this.events = events;
        this.stateCode = stateCode;
        this.clock = Clock.systemUTC();
    }

    /**
     * (Re)calculates every enrolled school of the year in scope with the norms in force on 1 June of the
     * year, replaces their allocations and publishes one AllocationCalculated for the run (outbox, same
     * transaction).
     */
    @Transactional
    AllocationTotalsResponse calculate(CalculateAllocationRequest request) {
        if (request.districtCode() != null && request.blockCode() != null) {
            throw ApiException.badRequest("finance.allocation.one-scope",
                    "Give districtCode or blockCode, not both (neither: the whole state)");
        }
        CostNorms norms = normsFor(request.academicYear());
        Instant now = clock.instant();
        AllocationRepository.Totals totals = allocations.calculate(request.academicYear(), request.districtCode(),
                request.blockCode(), norms, now);
        Jurisdiction scope = request.districtCode() != null ? Jurisdiction.district(request.districtCode())
                : request.blockCode() != null ? Jurisdiction.block(request.blockCode()) : Jurisdiction.state(stateCode);
        AllocationTotalsResponse answer = AllocationTotalsResponse.of(request.academicYear(), totals);
        events.publishEvent(new AllocationCalculated(DomainEvent.newId(), now, UUID.randomUUID(), request.academicYear(),
                scope, answer.schools(), answer.total(), answer.centreShare(), answer.stateShare()));
        return answer;
    }

    @Transactional(readOnly = true)
    SchoolAllocationResponse school(String udiseCode, String academicYear) {
        return allocations.findSchool(udiseCode, academicYear).orElseThrow(() -> ApiException.notFound(
                "finance.allocation.not-found", "No allocation for school " + udiseCode + " in " + academicYear));
    }

    @Transactional(readOnly = true)
    AllocationTotalsResponse district(String districtCode, String academicYear) {
        return area(academicYear, districtCode, null, "district " + districtCode);
    }

    @Transactional(readOnly = true)
    AllocationTotalsResponse block(String blockCode, String academicYear) {
        return area(academicYear, null, blockCode, "block " + blockCode);
    }

    private AllocationTotalsResponse area(String academicYear, String districtCode, String blockCode, String name) {
        AllocationRepository.Totals totals = allocations.totals(academicYear, districtCode, blockCode);
        if (totals.schools() == 0) {
            throw ApiException.notFound("finance.allocation.not-found", "No allocations in " + name + " for " + academicYear);
        }
        return AllocationTotalsResponse.of(academicYear, totals);
    }

    /** Both categories' norms in force on the year's first day; they must agree on school days and centre share. */
    private CostNorms normsFor(String academicYear) {
        LocalDate start = AcademicYear.Validator.start(academicYear);
        Map<String, AllocationRepository.Norm> byCategory = allocations.normsOn(start).stream()
                .collect(Collectors.toMap(AllocationRepository.Norm::category, n -> n));
        AllocationRepository.Norm primary = byCategory.get("PRIMARY");
        AllocationRepository.Norm upper = byCategory.get("UPPER_PRIMARY");
        if (primary == null || upper == null) {
            throw ApiException.conflict("finance.norm.missing", "No cost norms in force on " + start + " for " + academicYear);
        }
        if (primary.schoolDays() != upper.schoolDays()
                || primary.centreSharePercent().compareTo(upper.centreSharePercent()) != 0) {
            throw ApiException.conflict("finance.norm.inconsistent", "The norms in force on " + start
                    + " differ in school days or centre share between primary and upper primary");
        }
        return new CostNorms(primary.ratePerChildDay(), upper.ratePerChildDay(), primary.schoolDays(),
                primary.centreSharePercent());
    }
}
