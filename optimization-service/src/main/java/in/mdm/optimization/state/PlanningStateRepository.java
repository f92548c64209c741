package in.mdm.optimization.state;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The planning copy's tables: written by the consumers (a newer event replaces an older
 * one, never the reverse), read by {@link PlanningState}.
 */
@Repository
class PlanningStateRepository {

    private final JdbcTemplate template;

    private final JdbcClient jdbc;

    PlanningStateRepository(JdbcTemplate template, JdbcClient jdbc) {
        this.template = template;
        this.jdbc = jdbc;
    }

    /** A school's master data as of an event. */
    record SchoolRow(String udiseCode, String districtCode, String blockCode, Double latitude, Double longitude,
            UUID kitchenId, Instant at) {
    }

    void schools(List<SchoolRow> rows) {
        template.batchUpdate("""
                insert into planning_sites (site_code, kind, udise_code, district_code, block_code, latitude, longitude,
                                            cooked_by, updated_at)
                values (?, 'SCHOOL', ?, ?, ?, ?, ?, ?, ?)
                on conflict (site_code) do update
                   set district_code = excluded.district_code, block_code = excluded.block_code,
                       latitude = excluded.latitude, longitude = excluded.longitude, cooked_by = excluded.cooked_by,
                       updated_at = excluded.updated_at
                 where planning_sites.updated_at <= excluded.updated_at""", rows, 1000, (ps, r) -> {
            ps.setString(1, r.udiseCode());
            ps.setString(2, r.udiseCode());
            ps.setString(3, r.districtCode());
            ps.setString(4, r.blockCode());
            setDouble(ps, 5, r.latitude());
            setDouble(ps, 6, r.longitude());
            ps.setObject(7, r.kitchenId());
            ps.setTimestamp(8, Timestamp.from(r.at()));
        });
    }

    /** A site's stock of a commodity as of an event, and its place and supplier. */
    record StockRow(String siteCode, String udiseCode, UUID kitchenId, String districtCode, String blockCode,
            String commodity, BigDecimal quantityKg, BigDecimal daysOfStock, String status, String supplierCode,
            Instant at) {
    }

    void stock(List<StockRow> rows) {
        // the site: known from a stock count before (or without) its master data; the
        // place is only filled in, the master data's own events set it
        template.batchUpdate("""
                insert into planning_sites (site_code, kind, udise_code, kitchen_id, district_code, block_code,
                                            supplier_code, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (site_code) do update
                   set district_code = coalesce(planning_sites.district_code, excluded.district_code),
                       block_code = coalesce(planning_sites.block_code, excluded.block_code),
                       supplier_code = coalesce(excluded.supplier_code, planning_sites.supplier_code)""", rows, 1000,
                (ps, r) -> {
                    ps.setString(1, r.siteCode());
                    ps.setString(2, r.udiseCode() != null ? "SCHOOL" : "KITCHEN");
                    ps.setString(3, r.udiseCode());
                    ps.setObject(4, r.kitchenId());
                    ps.setString(5, r.districtCode());
                    ps.setString(6, r.blockCode());
                    ps.setString(7, r.supplierCode());
                    // as old as can be: master data of any time replaces what a count
                    // filled in
                    ps.setTimestamp(8, Timestamp.from(Instant.EPOCH));
                });
        template.batchUpdate("""
                insert into planning_stock (site_code, commodity, quantity_kg, days_of_stock, status, observed_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (site_code, commodity) do update
                   set quantity_kg = excluded.quantity_kg, days_of_stock = excluded.days_of_stock,
                       status = excluded.status, observed_at = excluded.observed_at
                 where planning_stock.observed_at <= excluded.observed_at""", rows, 1000, (ps, r) -> {
            ps.setString(1, r.siteCode());
            ps.setString(2, r.commodity());
            ps.setBigDecimal(3, r.quantityKg());
            ps.setBigDecimal(4, r.daysOfStock());
            ps.setString(5, r.status());
            ps.setTimestamp(6, Timestamp.from(r.at()));
        });
    }

    record ForecastRow(String udiseCode, LocalDate forDate, int meals, int lower, int upper, Instant at) {
    }

    void forecasts(List<ForecastRow> rows) {
        template.batchUpdate("""
                insert into planning_forecasts (udise_code, for_date, meals, lower80, upper80, observed_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (udise_code, for_date) do update
                   set meals = excluded.meals, lower80 = excluded.lower80, upper80 = excluded.upper80,
                       observed_at = excluded.observed_at
                 where planning_forecasts.observed_at <= excluded.observed_at""", rows, 1000, (ps, r) -> {
            ps.setString(1, r.udiseCode());
            ps.setObject(2, r.forDate());
            ps.setInt(3, r.meals());
            ps.setInt(4, r.lower());
            ps.setInt(5, r.upper());
            ps.setTimestamp(6, Timestamp.from(r.at()));
        });
    }

    record RiskRow(String udiseCode, BigDecimal score, String level, LocalDate forDate, Instant at) {
    }

    void risks(List<RiskRow> rows) {
        template.batchUpdate("""
                insert into planning_risk (udise_code, score, level, for_date, observed_at)
                values (?, ?, ?, ?, ?)
                on conflict (udise_code) do update
                   set score = excluded.score, level = excluded.level, for_date = excluded.for_date,
                       observed_at = excluded.observed_at
                 where planning_risk.observed_at <= excluded.observed_at""", rows, 1000, (ps, r) -> {
            ps.setString(1, r.udiseCode());
            ps.setBigDecimal(2, r.score());
            ps.setString(3, r.level());
            ps.setObject(4, r.forDate());
            ps.setTimestamp(5, Timestamp.from(r.at()));
        });
    }

    // reads

    /** Leading space: a text block drops the trailing space of the line before. */
    private static final String SCOPE = " " + """
            s.district_code = :district and (cast(:block as varchar) is null or s.block_code = :block)""";

    List<PlanningState.Site> sites(String district, String block) {
        return jdbc.sql("""
                select s.site_code, s.kind, s.udise_code, s.kitchen_id, s.district_code, s.block_code, s.latitude,
                       s.longitude, s.cooked_by, s.supplier_code
                  from planning_sites s where """ + SCOPE + " order by s.site_code")
            .param("district", district)
            .param("block", block)
            .query(PlanningStateRepository::site)
            .list();
    }

    List<PlanningState.Stock> stock(String district, String block, String commodity) {
        return jdbc
            .sql("""
                    select k.site_code, k.commodity, k.quantity_kg, k.days_of_stock, k.status, k.observed_at
                      from planning_stock k join planning_sites s on s.site_code = k.site_code
                     where (cast(:commodity as varchar) is null or k.commodity = :commodity) and """ + SCOPE
                    + " order by k.site_code, k.commodity")
            .param("district", district)
            .param("block", block)
            .param("commodity", commodity)
            .query((rs, n) -> new PlanningState.Stock(rs.getString("site_code"), rs.getString("commodity"),
                    rs.getBigDecimal("quantity_kg"), rs.getBigDecimal("days_of_stock"), rs.getString("status"),
                    rs.getTimestamp("observed_at").toInstant()))
            .list();
    }

    List<PlanningState.Forecast> forecasts(String district, String block, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select f.udise_code, f.for_date, f.meals, f.lower80, f.upper80
                  from planning_forecasts f join planning_sites s on s.site_code = f.udise_code
                 where f.for_date >= :from and f.for_date < :to and """ + SCOPE + " order by f.udise_code, f.for_date")
            .param("district", district)
            .param("block", block)
            .param("from", from)
            .param("to", to)
            .query((rs, n) -> new PlanningState.Forecast(rs.getString("udise_code"),
                    rs.getObject("for_date", LocalDate.class), rs.getInt("meals"), rs.getInt("lower80"),
                    rs.getInt("upper80")))
            .list();
    }

    List<PlanningState.Risk> risks(String district, String block) {
        return jdbc.sql("""
                select r.udise_code, r.score, r.level, r.for_date
                  from planning_risk r join planning_sites s on s.site_code = r.udise_code
                 where """ + SCOPE + " order by r.udise_code")
            .param("district", district)
            .param("block", block)
            .query((rs, n) -> new PlanningState.Risk(rs.getString("udise_code"), rs.getBigDecimal("score"),
                    rs.getString("level"), rs.getObject("for_date", LocalDate.class)))
            .list();
    }

    /** The district of a block, as the copy knows it. */
    java.util.Optional<String> districtOfBlock(String block) {
        return jdbc.sql("select min(district_code) from planning_sites where block_code = :block")
            .param("block", block)
            .query(String.class)
            .optional();
    }

    private static PlanningState.Site site(ResultSet rs, int row) throws SQLException {
        return new PlanningState.Site(rs.getString("site_code"), PlanningState.Kind.valueOf(rs.getString("kind")),
                rs.getString("udise_code"), rs.getObject("kitchen_id", UUID.class), rs.getString("district_code"),
                rs.getString("block_code"), (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                rs.getObject("cooked_by", UUID.class), rs.getString("supplier_code"));
    }

    private static void setDouble(java.sql.PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        }
        else {
            ps.setDouble(index, value);
        }
    }

}
