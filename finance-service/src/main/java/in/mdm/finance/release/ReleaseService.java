package in.mdm.finance.release;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.events.DomainEvent;
import in.mdm.events.Jurisdiction;
import in.mdm.events.finance.FundReleaseApproved;
import in.mdm.events.finance.FundReleaseRejected;
import in.mdm.events.finance.FundReleaseRequested;
import in.mdm.events.finance.FundReleased;
import in.mdm.finance.FinanceProblems;
import in.mdm.finance.allocation.AllocationService;
import in.mdm.finance.allocation.ReleasableAllocation;
import in.mdm.finance.audit.AuditAction;
import in.mdm.finance.audit.AuditTrail;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

/**
 * The release workflow: a request, then one approval per level in order (district, block,
 * school) or a rejection with a reason. The school's approval releases the amount: it is
 * added to the allocation's released sum (never beyond the allocation) and FundReleased
 * goes out, which the treasury instruction follows.
 */
@Service
public class ReleaseService {

    private final ReleaseRepository releases;

    private final AllocationService allocations;

    private final ApplicationEventPublisher events;

    private final AuditTrail audit;

    private final BigDecimal tranchePercent;

    private final BigDecimal defaultReleasePercent;

    private final BigDecimal minReleasePercent;

    private final BigDecimal maxReleasePercent;

    private final Clock clock;

    ReleaseService(ReleaseRepository releases, AllocationService allocations, ApplicationEventPublisher events,
            AuditTrail audit, Clock clock,
            @Value("${mdm.finance.release.tranche-percent:25}") BigDecimal tranchePercent,
            @Value("${mdm.finance.release.release-percent:95}") BigDecimal defaultReleasePercent,
            @Value("${mdm.finance.release.min-release-percent:93}") BigDecimal minReleasePercent,
            @Value("${mdm.finance.release.max-release-percent:97}") BigDecimal maxReleasePercent) {
        this.releases = releases;
        this.allocations = allocations;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.tranchePercent = tranchePercent;
        this.defaultReleasePercent = defaultReleasePercent;
        this.minReleasePercent = minReleasePercent;
        this.maxReleasePercent = maxReleasePercent;
    }

    @Transactional
    FundRelease request(RequestReleaseRequest request, Caller caller) {
        ReleasableAllocation allocation = allocations.lockForRelease(request.allocationId(), caller)
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.ALLOCATION_NOT_FOUND,
                    "No allocation " + request.allocationId()));
        BigDecimal tranche;
        BigDecimal percent;
        if (request.kind() == ReleaseKind.QUARTERLY) {
            if (request.quarter() == null) {
                throw ApiException.badRequest(FinanceProblems.RELEASE_QUARTER_REQUIRED,
                        "A quarterly release names its quarter (1-4)");
            }
            if (request.amount() != null) {
                throw ApiException.badRequest(FinanceProblems.RELEASE_AMOUNT_NOT_ALLOWED,
                        "A quarterly release is the quarter's tranche; only an emergency release names an amount");
            }
            if (releases.trancheTaken(allocation.id(), request.quarter())) {
                throw ApiException.conflict(FinanceProblems.RELEASE_TRANCHE_EXISTS,
                        "Quarter " + request.quarter() + " of this allocation has a release already");
            }
            percent = request.releasePercent() == null ? defaultReleasePercent : request.releasePercent();
            if (percent.compareTo(minReleasePercent) < 0 || percent.compareTo(maxReleasePercent) > 0) {
                throw ApiException.badRequest(FinanceProblems.RELEASE_PERCENT_OUT_OF_BAND,
                        "releasePercent must lie between " + minReleasePercent + " and " + maxReleasePercent
                                + " % of the tranche");
            }
            tranche = Tranches.tranche(allocation.amount(), tranchePercent, request.quarter());
        }
        else {
            if (request.amount() == null || request.reason() == null || request.reason().isBlank()) {
                throw ApiException.badRequest(FinanceProblems.RELEASE_EMERGENCY_NEEDS_AMOUNT_AND_REASON,
                        "An emergency release names its amount and its reason");
            }
            if (request.quarter() != null || request.releasePercent() != null) {
                throw ApiException.badRequest(FinanceProblems.RELEASE_QUARTER_NOT_ALLOWED,
                        "An emergency release has no quarter and no release percent");
            }
            tranche = request.amount().setScale(2);
            percent = BigDecimal.valueOf(10000, 2);
        }
        BigDecimal amount = Tranches.release(tranche, percent);
        if (amount.signum() <= 0) {
            throw ApiException.conflict(FinanceProblems.RELEASE_NOTHING_TO_RELEASE,
                    "The tranche of this allocation is zero");
        }
        BigDecimal committed = releases.committed(allocation.id());
        if (committed.add(amount).compareTo(allocation.amount()) > 0) {
            throw ApiException.conflict(FinanceProblems.RELEASE_EXCEEDS_ALLOCATION,
                    "Releasing " + amount + " on top of " + committed
                            + " pending or released would exceed the allocation of " + allocation.amount());
        }
        Instant now = clock.instant();
        FundRelease release = FundRelease.requested(UUID.randomUUID(), allocation, request.kind(), request.quarter(),
                tranche, percent, amount, request.reason(), caller.subject(), now);
        releases.insert(release);
        audit.record(caller.username(), AuditAction.RELEASE_REQUESTED, release.id().toString(), where(release), null,
                AuditTrail.values("kind", release.kind(), "quarter", release.quarter(), "amount", amount),
                request.reason());
        events.publishEvent(new FundReleaseRequested(DomainEvent.newId(), now, release.id(), allocation.id(),
                Jurisdiction.school(allocation.udiseCode()), release.kind().name(), amount, caller.subject()));
        return release;
    }

    /**
     * One level's approval. Repeating an approval the level has given already changes
     * nothing and answers the release as it is.
     */
    @Transactional
    FundRelease approve(UUID releaseId, Caller caller) {
        FundRelease release = lock(releaseId, caller);
        ApprovalLevel level = approvalLevel(caller);
        if (release.approvedBy(level)) {
            return release;
        }
        if (!release.isPending()) {
            throw ApiException.conflict(FinanceProblems.RELEASE_NOT_PENDING, "The release is " + release.status());
        }
        if (level != release.pendingLevel()) {
            throw ApiException.conflict(FinanceProblems.RELEASE_OUT_OF_ORDER, "The release waits for the "
                    + release.pendingLevel() + " level's approval, not the " + level + " level's");
        }
        if (release.requestedBy().equals(caller.subject())) {
            throw ApiException.conflict(FinanceProblems.RELEASE_OWN_REQUEST, "Nobody approves their own request");
        }
        Instant now = clock.instant();
        releases.approve(releaseId, level, caller.subject(), now);
        events
            .publishEvent(new FundReleaseApproved(DomainEvent.newId(), now, releaseId, level.name(), caller.subject()));
        if (level.next().isEmpty()) {
            release(release, caller, now);
        }
        FundRelease after = releases.find(releaseId, scope(caller), false).orElseThrow();
        audit.record(caller.username(), AuditAction.RELEASE_APPROVED, releaseId.toString(), where(release),
                AuditTrail.values("status", release.status(), "pendingLevel", release.pendingLevel()),
                AuditTrail.values("status", after.status(), "pendingLevel", after.pendingLevel(), "level", level),
                null);
        return after;
    }

    @Transactional
    FundRelease reject(UUID releaseId, RejectReleaseRequest request, Caller caller) {
        FundRelease release = lock(releaseId, caller);
        if (!release.isPending()) {
            throw ApiException.conflict(FinanceProblems.RELEASE_NOT_PENDING, "The release is " + release.status());
        }
        if (!caller.isAdmin() && approvalLevel(caller) != release.pendingLevel()) {
            throw ApiException.conflict(FinanceProblems.RELEASE_OUT_OF_ORDER,
                    "The release waits for the " + release.pendingLevel() + " level's decision");
        }
        Instant now = clock.instant();
        releases.reject(releaseId, caller.subject(), request.reason(), now);
        events.publishEvent(new FundReleaseRejected(DomainEvent.newId(), now, releaseId, release.pendingLevel().name(),
                caller.subject(), request.reason()));
        audit.record(caller.username(), AuditAction.RELEASE_REJECTED, releaseId.toString(), where(release),
                AuditTrail.values("status", release.status(), "pendingLevel", release.pendingLevel()),
                AuditTrail.values("status", ReleaseStatus.REJECTED), request.reason());
        return releases.find(releaseId, scope(caller), false).orElseThrow();
    }

    @Transactional(readOnly = true)
    FundRelease get(UUID releaseId, Caller caller) {
        return releases.find(releaseId, scope(caller), false)
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.RELEASE_NOT_FOUND, "No release " + releaseId));
    }

    @Transactional(readOnly = true)
    PageResponse<FundRelease> history(UUID allocationId, String udiseCode, ReleaseStatus status,
            ApprovalLevel pendingLevel, Caller caller, int page, int size) {
        return releases.page(allocationId, udiseCode, status, pendingLevel, scope(caller), page, size);
    }

    @Transactional(readOnly = true)
    List<PendingReleases> pending(Caller caller) {
        return releases.pending(scope(caller));
    }

    /**
     * Marks a released fund credited with the treasury's reference (in the caller's
     * transaction); false when it was credited already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markCredited(UUID releaseId, String treasuryReference, Instant at) {
        return releases.markCredited(releaseId, treasuryReference, at);
    }

    private void release(FundRelease release, Caller caller, Instant now) {
        ReleasableAllocation allocation = allocations.lockForRelease(release.allocationId(), caller)
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.ALLOCATION_NOT_FOUND,
                    "No allocation " + release.allocationId()));
        if (allocation.released().add(release.amount()).compareTo(allocation.amount()) > 0) {
            throw ApiException.conflict(FinanceProblems.RELEASE_EXCEEDS_ALLOCATION,
                    "Releasing " + release.amount() + " on top of " + allocation.released()
                            + " released would exceed the allocation of " + allocation.amount());
        }
        allocations.recordRelease(allocation.id(), release.amount());
        releases.markReleased(release.id(), now);
        events.publishEvent(new FundReleased(DomainEvent.newId(), now, release.id(), release.allocationId(),
                Jurisdiction.school(release.udiseCode()), release.amount()));
    }

    private FundRelease lock(UUID releaseId, Caller caller) {
        return releases.find(releaseId, scope(caller), true)
            .orElseThrow(() -> ApiException.notFound(FinanceProblems.RELEASE_NOT_FOUND, "No release " + releaseId));
    }

    /**
     * The approval level a caller acts at: a district or block officer, or a school's
     * headmaster.
     */
    private static ApprovalLevel approvalLevel(Caller caller) {
        return ApprovalLevel.of(caller.level())
            .orElseThrow(() -> ApiException.conflict(FinanceProblems.RELEASE_NO_APPROVAL_LEVEL,
                    "Releases are approved by the district, the block and the school"));
    }

    private static JurisdictionScope.Condition scope(Caller caller) {
        return JurisdictionScope.of(caller).where(ReleaseRepository.PLACE);
    }

    private static AuditTrail.Location where(FundRelease r) {
        return new AuditTrail.Location(r.districtCode(), r.blockCode(), r.udiseCode());
    }

}
