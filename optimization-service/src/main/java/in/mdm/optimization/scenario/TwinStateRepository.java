package in.mdm.optimization.scenario;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads today's state of an area from the planning copy (migration
 * V202612051400__planning_state.sql; written by the state package's consumers, only read
 * here).
 */
@Repository
class TwinStateRepository {

    /** The schools of the area, as {@code s}. */
    private static final String IN_AREA = """
            s.kind = 'SCHOOL'
              and (cast(:district as varchar) is null or s.district_code = :district)
              and (cast(:block as varchar) is null or s.block_code = :block)""";

    private final JdbcClient jdbc;

    TwinStateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean districtKnown(String districtCode) {
        return jdbc.sql("select exists (select 1 from planning_sites where district_code = :district)")
            .param("district", districtCode)
            .query(Boolean.class)
            .single();
    }

    Optional<String> districtOfBlock(String blockCode) {
        return jdbc.sql("""
                select district_code from planning_sites
                 where block_code = :block and district_code is not null
                 order by site_code limit 1""").param("block", blockCode).query(String.class).optional();
    }

    int schools(Area area) {
        return jdbc.sql("select count(*) from planning_sites s where " + IN_AREA)
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .query(Integer.class)
            .single();
    }

    boolean kitchenCooksIn(UUID kitchenId, Area area) {
        return jdbc
            .sql("select exists (select 1 from planning_sites s where s.cooked_by = :kitchen and " + IN_AREA + ")")
            .param("kitchen", kitchenId)
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .query(Boolean.class)
            .single();
    }

    /** Whether the supplier serves a school of the area or a kitchen cooking for one. */
    boolean supplierServes(String supplierCode, Area area) {
        return jdbc
            .sql("""
                    select exists (select 1 from planning_sites s where s.supplier_code = :supplier and %s)
                        or exists (select 1 from planning_sites k
                                    where k.kind = 'KITCHEN' and k.supplier_code = :supplier
                                      and k.kitchen_id in (select s.cooked_by from planning_sites s where %s))"""
                .formatted(IN_AREA, IN_AREA))
            .param("supplier", supplierCode)
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .query(Boolean.class)
            .single();
    }

    /**
     * The area's schools, the kitchens that cook for them (wherever they are), their
     * stock, the schools' forecasts from {@code today} on and their risk.
     */
    TwinState load(Area area, LocalDate today, int days, ScenarioSettings settings) {
        TwinState.Builder state = TwinState.builder(days, settings.grainGrams(), settings.pulsesGrams(),
                settings.oilGrams());
        jdbc.sql("select s.site_code, s.district_code, s.block_code, s.cooked_by, s.supplier_code"
                + " from planning_sites s where " + IN_AREA)
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .query(rs -> {
                state.school(rs.getString("site_code"), rs.getString("district_code"), rs.getString("block_code"),
                        rs.getObject("cooked_by", UUID.class), rs.getString("supplier_code"));
            });
        jdbc.sql("""
                select k.kitchen_id, k.district_code, k.block_code, k.supplier_code from planning_sites k
                 where k.kind = 'KITCHEN' and k.kitchen_id in (select s.cooked_by from planning_sites s where %s)"""
            .formatted(IN_AREA)).param("district", area.districtCode()).param("block", area.blockCode()).query(rs -> {
                state.kitchen(rs.getObject("kitchen_id", UUID.class), rs.getString("district_code"),
                        rs.getString("block_code"), rs.getString("supplier_code"));
            });
        jdbc.sql("""
                select st.site_code, st.commodity, st.quantity_kg from planning_stock st
                 where st.site_code in (select s.site_code from planning_sites s where %s)
                    or st.site_code in (select k.site_code from planning_sites k
                                         where k.kind = 'KITCHEN'
                                           and k.kitchen_id in (select s.cooked_by from planning_sites s where %s))"""
            .formatted(IN_AREA, IN_AREA))
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .query(rs -> {
                state.stock(rs.getString("site_code"), rs.getString("commodity"), rs.getDouble("quantity_kg"));
            });
        jdbc.sql("""
                select f.udise_code, f.meals, f.lower80, f.upper80 from planning_forecasts f
                  join planning_sites s on s.site_code = f.udise_code
                 where f.for_date >= :today and %s
                 order by f.udise_code, f.for_date""".formatted(IN_AREA))
            .param("today", today)
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .query(rs -> {
                state.forecast(rs.getString("udise_code"), rs.getInt("meals"), rs.getInt("lower80"),
                        rs.getInt("upper80"));
            });
        jdbc.sql("""
                select r.udise_code, r.score from planning_risk r
                  join planning_sites s on s.site_code = r.udise_code
                 where %s""".formatted(IN_AREA))
            .param("district", area.districtCode())
            .param("block", area.blockCode())
            .query(rs -> {
                state.risk(rs.getString("udise_code"), rs.getDouble("score"));
            });
        return state.build();
    }

}
