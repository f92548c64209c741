package in.mdm.platform.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.web.PageResponse;

/**
 * One page of a filtered list and the total, read with the same filter: {@code select <columns> from <from>
 * order by <order> limit/offset} and, only when the page does not tell the total by itself, {@code select
 * count(*) from <from>}. Enum parameters bind by name, so a {@code null} filter value stays {@code null}.
 * Call it inside one (read-only) transaction, so the page and the total see the same data.
 */
public final class PagedQuery {

    private final JdbcClient jdbc;
    private final String columns;
    private final String from;
    private final Map<String, Object> params = new HashMap<>();
    private String orderBy;

    private PagedQuery(JdbcClient jdbc, String columns, String from) {
        this.jdbc = jdbc;
        this.columns = columns;
        this.from = from;
    }

    /**
     * @param columns the select list, e.g. {@code *}
     * @param from the table and its where clause, e.g. {@code alerts where (cast(:status as varchar) is null or status = :status)}
     */
    public static PagedQuery select(JdbcClient jdbc, String columns, String from) {
        return new PagedQuery(jdbc, columns, from);
    }

    public PagedQuery param(String name, Object value) {
        params.put(name, value instanceof Enum<?> e ? e.name() : value);
        return this;
    }

    /** All parameters of a condition, e.g. {@code SqlScope.params()} of the caller's jurisdiction. */
    public PagedQuery params(Map<String, ?> values) {
        values.forEach(this::param);
        return this;
    }

    /** A total order (end with a unique column), so pages neither repeat nor skip rows. */
    public PagedQuery orderBy(String orderBy) {
        this.orderBy = orderBy;
        return this;
    }

    /** @param page from 0 */
    public <T> PageResponse<T> fetch(int page, int size, RowMapper<T> mapper) {
        Objects.requireNonNull(orderBy, "orderBy");
        List<T> items = jdbc.sql("select " + columns + " from " + from + " order by " + orderBy
                        + " limit :pageSize offset :pageOffset")
                .params(params)
                .param("pageSize", size)
                .param("pageOffset", (long) page * size)
                .query(mapper)
                .list();
        long total;
        if (!items.isEmpty() && items.size() < size) {
            // the last page: the total follows from it
            total = (long) page * size + items.size();
        }
        else if (items.isEmpty() && page == 0) {
            total = 0;
        }
        else {
            total = jdbc.sql("select count(*) from " + from).params(params).query(Long.class).single();
        }
        return new PageResponse<>(items, page, size, total);
    }
}
