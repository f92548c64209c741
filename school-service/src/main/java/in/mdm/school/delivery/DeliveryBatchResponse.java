package in.mdm.school.delivery;

import java.util.List;

/** One result per delivery sent, in the order sent. */
public record DeliveryBatchResponse(int created, int duplicates, int rejected, List<Item> results) {

    /** What became of one delivery of the batch. */
    public enum Status {

        /**
         * Scheduled now (and received, when the item carried a receipt): {@code delivery}
         * is the new delivery.
         */
        CREATED,
        /**
         * Scheduled before under the same supplier and client reference: {@code delivery}
         * is the stored one (its receipt recorded now if it had none and the item carried
         * one).
         */
        DUPLICATE,
        /**
         * Nothing stored for this item: {@code code} and {@code detail} say why, as the
         * problem of the single endpoints would.
         */
        REJECTED

    }

    public record Item(String clientReference, Status status, DeliveryResponse delivery, String code, String detail) {
    }

}
