package in.mdm.optimization.transfer;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.optimization.OptimizationProblems;
import in.mdm.platform.audit.AuditEntry;
import in.mdm.platform.audit.AuditTrail;
import in.mdm.platform.directory.SchoolLocations;
import in.mdm.platform.security.Caller;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class TransferService {

    private final TransferRepository transfers;

    private final SchoolLocations locations;

    private final AuditTrail audit;

    TransferService(TransferRepository transfers, SchoolLocations locations, AuditTrail audit) {
        this.transfers = transfers;
        this.locations = locations;
        this.audit = audit;
    }

    /** Records a proposed transfer; it waits for an officer's decision. */
    @Transactional
    TransferPlan propose(ProposeTransferRequest request, Caller caller) {
        if (request.fromUdiseCode().equals(request.toUdiseCode())) {
            throw ApiException.badRequest(OptimizationProblems.TRANSFER_SAME_SCHOOL,
                    "A transfer must be between two different schools");
        }
        // both schools must be known and inside the proposer's jurisdiction; outside it
        // they do not exist
        JurisdictionScope scope = JurisdictionScope.of(caller);
        for (String udise : new String[] { request.fromUdiseCode(), request.toUdiseCode() }) {
            if (!locations.find(udise)
                .map(l -> scope.covers(l.districtCode(), l.blockCode(), l.udiseCode()))
                .orElse(false)) {
                throw ApiException.notFound(OptimizationProblems.SCHOOL_NOT_FOUND, "No school " + udise);
            }
        }
        TransferPlan plan = transfers.insert(UUID.randomUUID(), request);
        audit.record(AuditEntry.created("transfer.propose", "transfer", plan.id().toString(), plan));
        return plan;
    }

    @Transactional(readOnly = true)
    TransferPlan get(UUID id, Caller caller) {
        return transfers.find(id, visible(caller))
            .orElseThrow(() -> ApiException.notFound(OptimizationProblems.TRANSFER_NOT_FOUND,
                    "No transfer plan with id " + id));
    }

    /**
     * A plan is visible to a caller whose jurisdiction holds either of its two schools.
     */
    static JurisdictionScope.Condition visible(Caller caller) {
        JurisdictionScope scope = JurisdictionScope.of(caller);
        return scope.where(TransferRepository.FROM).or(scope.where(TransferRepository.TO));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<TransferPlan> page(TransferFilter filter, Caller caller, int page, int size) {
        return transfers.page(filter, visible(caller), page, size);
    }

}
