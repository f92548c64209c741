package in.mdm.platform.jdbc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

/**
 * One page of a filtered list and the total, read with the same filter:
 * {@code select <columns> from <from> where
 * (<jurisdiction>) and (<where>) order by <order> limit/offset} and, only when the page
 * does not tell the total by itself, {@code select count(*)} with the same from and
 * where. A list of rows some jurisdiction owns names the caller's
 * {@link JurisdictionScope.Condition} when it is made, and the query applies it to the
 * page and the total by itself; only data no jurisdiction owns (master data, templates,
 * models) is read with {@link #selectUnscoped}. Enum parameters bind by name, so a
 * {@code null} filter value stays {@code null}. Call it inside one (read-only)
 * transaction, so the page and the total see the same data.
 */
public final class PagedQuery {

    private final JdbcClient jdbc;

    private final String columns;

    private final String from;

    private final JurisdictionScope.Condition within;

    private final Map<String, Object> params = new HashMap<>();

    private String where;

    private String orderBy;

    private PagedQuery(JdbcClient jdbc, String columns, String from, JurisdictionScope.Condition within) {
        this.jdbc = jdbc;
        this.columns = columns;
        this.from = from;
        this.within = within;
    }

    /**
     * Rows some jurisdiction owns, only those inside {@code within}.
     * @param columns the select list, e.g. {@code *}
     * @param from the table or join, without a where clause (give the list's filters to
     * {@link #where})
     * @param within the caller's jurisdiction over the rows, e.g.
     * {@code JurisdictionScope.of(caller).where(COLUMNS)}
     */
    public static PagedQuery select(JdbcClient jdbc, String columns, String from, JurisdictionScope.Condition within) {
        return new PagedQuery(jdbc, columns, from, Objects.requireNonNull(within, "within"));
    }

    /**
     * Rows no jurisdiction owns, the same for every caller who may call the endpoint:
     * master data, templates, models, the sign-in audit of an ADMIN-only endpoint.
     * @param from the table and optionally its where clause, e.g.
     * {@code notification_templates where (cast(:channel as varchar) is null or channel = :channel)}
     */
    public static PagedQuery selectUnscoped(JdbcClient jdbc, String columns, String from) {
        return new PagedQuery(jdbc, columns, from, null);
    }

    /**
     * The list's own filters, e.g.
     * {@code (cast(:status as varchar) is null or status = :status)}.
     */
    public PagedQuery where(String condition) {
        this.where = condition;
        return this;
    }

    public PagedQuery param(String name, Object value) {
        if (name.startsWith(JurisdictionScope.PARAMETER_PREFIX)) {
            throw new IllegalArgumentException(
                    name + ": the prefix " + JurisdictionScope.PARAMETER_PREFIX + " is the jurisdiction condition's");
        }
        params.put(name, value instanceof Enum<?> e ? e.name() : value);
        return this;
    }

    /**
     * A total order (end with a unique column), so pages neither repeat nor skip rows.
     */
    public PagedQuery orderBy(String orderBy) {
        this.orderBy = orderBy;
        return this;
    }

    /**
     * @param page from 0
     */
    public <T> PageResponse<T> fetch(int page, int size, RowMapper<T> mapper) {
        Objects.requireNonNull(orderBy, "orderBy");
        String body = body();
        Map<String, Object> all = new HashMap<>(params);
        if (within != null) {
            all.putAll(within.params());
        }
        List<T> items = jdbc
            .sql("select " + columns + " from " + body + " order by " + orderBy + " limit :pageSize offset :pageOffset")
            .params(all)
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
            total = jdbc.sql("select count(*) from " + body).params(all).query(Long.class).single();
        }
        return new PageResponse<>(items, page, size, total);
    }

    /**
     * {@code <from> where (<jurisdiction>) and (<where>)}, leaving out what is not there.
     */
    private String body() {
        if (within == null) {
            return where == null ? from : from + " where " + where;
        }
        return from + " where (" + within.sql() + ")" + (where == null ? "" : " and (" + where + ")");
    }

}
