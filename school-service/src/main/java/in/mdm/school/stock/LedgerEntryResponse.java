package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record LedgerEntryResponse(UUID id, String udiseCode, Commodity commodity, LocalDate date, LedgerEntryKind kind,
        BigDecimal quantityKg, BigDecimal balanceKg, String reason, String reference, String createdBy,
        Instant createdAt) {
}
