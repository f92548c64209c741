package in.mdm.optimization.transfer;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.web.ApiException;
import in.mdm.platform.web.PageResponse;

@Service
public class TransferService {

    private final TransferRepository transfers;

    TransferService(TransferRepository transfers) {
        this.transfers = transfers;
    }

    /** Records a proposed transfer; it waits for an officer's decision. */
    @Transactional
    TransferPlan propose(ProposeTransferRequest request) {
        if (request.fromUdiseCode().equals(request.toUdiseCode())) {
            throw ApiException.badRequest("optimization.transfer.same-school", "A transfer must be between two different schools");
        }
        return transfers.insert(UUID.randomUUID(), request);
    }

    @Transactional(readOnly = true)
    TransferPlan get(UUID id) {
        return transfers.find(id)
                .orElseThrow(() -> ApiException.notFound("optimization.transfer.not-found", "No transfer plan with id " + id));
    }

    /** A page and the total, in one read-only transaction. */
    @Transactional(readOnly = true)
    PageResponse<TransferPlan> page(TransferFilter filter, int page, int size) {
        return transfers.page(filter, page, size);
    }
}
