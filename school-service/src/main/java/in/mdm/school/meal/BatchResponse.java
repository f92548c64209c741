package in.mdm.school.meal;

import java.util.List;
import java.util.UUID;

/** One result per report sent, in order: CREATED, DUPLICATE (already stored: the stored report) or REJECTED. */
public record BatchResponse(int created, int duplicates, int rejected, List<Item> results) {

    public record Item(UUID clientReportId, String status, MealReportResponse report, String code, String detail) {
    }
}
