package in.mdm.school.meal;

import java.util.List;
import java.util.UUID;

/** One result per report sent, in order. */
public record BatchResponse(int created, int duplicates, int rejected, List<Item> results) {

    /** What became of one report of the batch. */
    public enum Status {

        /** Stored now: {@code report} is the new report. */
        CREATED,
        /**
         * Stored before under the same client report id: {@code report} is the stored
         * one.
         */
        DUPLICATE,
        /**
         * Not stored: {@code code} and {@code detail} say why, as the problem of a single
         * report would.
         */
        REJECTED

    }

    public record Item(UUID clientReportId, Status status, MealReportResponse report, String code, String detail) {
    }

    static BatchResponse of(List<MealReportRequest> requests, List<MealReportWriter.Result> results) {
        List<Item> items = new java.util.ArrayList<>(results.size());
        int[] counts = new int[Status.values().length];
        for (int i = 0; i < results.size(); i++) {
            MealReportWriter.Result result = results.get(i);
            counts[result.status().ordinal()]++;
            items.add(new Item(requests.get(i).clientReportId(), result.status(), result.report(),
                    result.problem() == null ? null : result.problem().code(),
                    result.problem() == null ? null : result.problem().getBody().getDetail()));
        }
        return new BatchResponse(counts[Status.CREATED.ordinal()], counts[Status.DUPLICATE.ordinal()],
                counts[Status.REJECTED.ordinal()], items);
    }
}
