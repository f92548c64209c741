package in.mdm.optimization.transfer;

import java.util.UUID;

/** What a list of recommendations is narrowed to; a null component matches everything. */
record RecommendationFilter(TransferStatus status, Commodity commodity, String districtCode, UUID runId) {
}
