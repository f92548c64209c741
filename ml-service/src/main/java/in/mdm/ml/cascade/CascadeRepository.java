package in.mdm.ml.cascade;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * What the cascade reads of the feature store (schools, the kitchen that cooks for each,
 * the stock reports of sites, late deliveries and their suppliers, risk scores) and the
 * sources it last published.
 */
@Repository
class CascadeRepository {

    private final JdbcClient jdbc;

    CascadeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A school with its place, children, risk score and site (its kitchen, or itself).
     */
    record SchoolRow(String udiseCode, String blockCode, int enrollment, double own, String site) {
    }

    List<SchoolRow> schools(String districtCode) {
        return jdbc.sql("""
                select f.udise_code, f.block_code, f.enrollment, coalesce(r.score, 0) / 100.0 as own,
                       coalesce(k.kitchen_id::text, f.udise_code) as site
                  from school_features f
                  left join risk_scores r on r.udise_code = f.udise_code
                  left join kitchen_schools k on k.udise_code = f.udise_code
                 where f.district_code = :district
                 order by f.udise_code""")
            .param("district", districtCode)
            .query((rs, n) -> new SchoolRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
                    rs.getString(5)))
            .list();
    }

    /** A site's latest report of a commodity running low or out. */
    record StockRow(String site, double daysOfStock, String status, Instant observedAt) {
    }

    List<StockRow> stock(Collection<String> sites, Instant since) {
        return jdbc.sql("""
                select site, days_of_stock, status, observed_at from site_stock
                 where site = any(:sites) and observed_at >= :since""")
            .param("sites", new SqlArrayValue("text", sites.toArray()))
            .param("since", Timestamp.from(since))
            .query((rs, n) -> new StockRow(rs.getString(1), rs.getDouble(2), rs.getString(3),
                    rs.getTimestamp(4).toInstant()))
            .list();
    }

    /** A late delivery: the site, its supplier, when it was reported. */
    record LateRow(String site, String supplierCode, Instant observedAt) {
    }

    List<LateRow> late(Collection<String> sites, Instant since) {
        return jdbc.sql("""
                select site, supplier_code, max(observed_at) from delivery_delays
                 where site = any(:sites) and observed_at >= :since and supplier_code is not null
                 group by site, supplier_code""")
            .param("sites", new SqlArrayValue("text", sites.toArray()))
            .param("since", Timestamp.from(since))
            .query((rs, n) -> new LateRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
            .list();
    }

    /** Per supplier: the sites that reported one of its deliveries late since then. */
    Map<String, Integer> lateSites(Collection<String> suppliers, Instant since) {
        Map<String, Integer> result = new HashMap<>();
        jdbc.sql("""
                select supplier_code, count(distinct site) from delivery_delays
                 where supplier_code = any(:suppliers) and observed_at >= :since
                 group by supplier_code""")
            .param("suppliers", new SqlArrayValue("text", suppliers.toArray()))
            .param("since", Timestamp.from(since))
            .query((rs, n) -> result.put(rs.getString(1), rs.getInt(2)))
            .list();
        return result;
    }

    /**
     * Districts worth assessing: those of the sites with a stock report or a late
     * delivery since then, and those with a published source.
     */
    List<String> activeDistricts(Instant since) {
        return jdbc.sql("""
                with sites as (select site from site_stock where observed_at >= :since
                               union select site from delivery_delays where observed_at >= :since)
                select f.district_code from sites s
                  left join kitchen_schools k on k.kitchen_id::text = s.site
                  join school_features f on f.udise_code = coalesce(k.udise_code, s.site)
                 where f.district_code is not null
                union
                select district_code from cascade_sources
                order by 1""").param("since", Timestamp.from(since)).query(String.class).list();
    }

    /** A source as last published. */
    record Published(String kind, String code, String level, String affectedHash) {
    }

    /** The district's published sources, locked for this transaction. */
    Map<String, Published> published(String districtCode) {
        Map<String, Published> result = new HashMap<>();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('ml.cascade:' || :district))")
            .param("district", districtCode)
            .query()
            .listOfRows();
        jdbc.sql("""
                select source_kind, source_code, level, affected_hash from cascade_sources
                 where district_code = :district""")
            .param("district", districtCode)
            .query((rs, n) -> new Published(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list()
            .forEach(p -> result.put(p.kind() + ":" + p.code(), p));
        return result;
    }

    void save(String districtCode, String kind, String code, String level, String hash, int schools, int children,
            Instant at) {
        jdbc.sql("""
                insert into cascade_sources (district_code, source_kind, source_code, level, affected_hash, schools,
                                             children, published_at)
                values (:district, :kind, :code, :level, :hash, :schools, :children, :at)
                on conflict (district_code, source_kind, source_code) do update
                   set level = excluded.level, affected_hash = excluded.affected_hash, schools = excluded.schools,
                       children = excluded.children, published_at = excluded.published_at""")
            .param("district", districtCode)
            .param("kind", kind)
            .param("code", code)
            .param("level", level)
            .param("hash", hash)
            .param("schools", schools)
            .param("children", children)
            .param("at", Timestamp.from(at))
            .update();
    }

    void clear(String districtCode, String kind, String code) {
        jdbc.sql(
                "delete from cascade_sources where district_code = :district and source_kind = :kind and source_code = :code")
            .param("district", districtCode)
            .param("kind", kind)
            .param("code", code)
            .update();
    }

    static List<String> list(Collection<String> values) {
        return new ArrayList<>(values);
    }

    /**
     * The districts of a node's schools: a school's own, a kitchen's schools', a
     * supplier's sites' schools'.
     */
    List<String> districtsOf(SupplyGraph.Kind kind, String code) {
        String sql = switch (kind) {
            case SCHOOL -> "select district_code from school_features where udise_code = :code";
            case KITCHEN -> """
                    select distinct f.district_code from kitchen_schools k
                      join school_features f on f.udise_code = k.udise_code
                     where k.kitchen_id::text = :code""";
            case SUPPLIER -> """
                    select distinct f.district_code from delivery_delays d
                      left join kitchen_schools k on k.kitchen_id::text = d.site
                      join school_features f on f.udise_code = coalesce(k.udise_code, d.site)
                     where d.supplier_code = :code""";
        };
        return jdbc.sql(sql).param("code", code).query(String.class).list().stream().filter(d -> d != null).toList();
    }

}
