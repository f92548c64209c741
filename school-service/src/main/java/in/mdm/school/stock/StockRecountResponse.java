package in.mdm.school.stock;

import java.time.Instant;
import java.util.UUID;

/**
 * A stock recount: the balances there were when it started, how many it has published
 * (StockCounted) and its progress (0-100).
 */
public record StockRecountResponse(UUID id, StockRecountStatus status, String requestedBy, long balances,
        long published, int progress, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
