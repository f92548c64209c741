package in.mdm.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, the page asked for (from 0), its size and the total
 * number of items.
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    /** The same page with each item converted, e.g. from an entity to its response. */
    public <R> PageResponse<R> map(Function<? super T, ? extends R> converter) {
        return new PageResponse<>(items.stream().<R>map(converter).toList(), page, size, total);
    }

    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
