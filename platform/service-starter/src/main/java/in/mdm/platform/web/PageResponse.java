package in.mdm.platform.web;

import java.util.List;

/** One page of a list: the items, the page asked for (from 0), its size and the total number of items. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
