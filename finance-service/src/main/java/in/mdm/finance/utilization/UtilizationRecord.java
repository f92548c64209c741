package in.mdm.finance.utilization;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A school's spending of a month (its first day) in a category, as stored, located where
 * the school is.
 */
record UtilizationRecord(UUID id, String udiseCode, String academicYear, LocalDate month, String districtCode,
        String blockCode, SpendingCategory category, BigDecimal amount, String recordedBy, Instant recordedAt) {
}
