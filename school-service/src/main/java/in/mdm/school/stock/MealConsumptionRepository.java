package in.mdm.school.stock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.Ids;

/**
 * Set-based reads and writes of meal consumption: a few statements for a whole batch of
 * meal days, whatever its size.
 */
@Repository
class MealConsumptionRepository {

    /** A stock site: a school ({@code udiseCode}) or a kitchen ({@code kitchenId}). */
    record Site(String udiseCode, UUID kitchenId) implements Comparable<Site> {

        static Site school(String udiseCode) {
            return new Site(udiseCode, null);
        }

        static Site kitchen(UUID kitchenId) {
            return new Site(null, kitchenId);
        }

        boolean isKitchen() {
            return kitchenId != null;
        }

        String key() {
            return isKitchen() ? kitchenId.toString() : udiseCode;
        }

        @Override
        public int compareTo(Site other) {
            int kind = Boolean.compare(isKitchen(), other.isKitchen());
            return kind != 0 ? kind : key().compareTo(other.key());
        }
    }

    /** A site's balance of a commodity, as locked. */
    record Locked(Site site, Commodity commodity, BigDecimal quantityKg, StockStatus status) {
    }

    /** Children fed at a site on a date, primary and upper primary. */
    record Fed(Site site, LocalDate date, long primary, long upperPrimary) {
    }

    /** A ledger entry to write. */
    record Entry(Site site, Commodity commodity, LocalDate date, BigDecimal quantityKg, BigDecimal balanceKg,
            String reason, String reference) {
    }

    /** Children fed on a typical day (or enrolled): primary and upper primary. */
    record Need(long primary, long upperPrimary) {
    }

    /** The SQL of children fed: the attendance, scaled down to the meals served. */
    private static final String FED_PRIMARY = """
            case when m.meals_served >= m.attendance_primary + m.attendance_upper_primary then m.attendance_primary
                 else cast(cast(m.attendance_primary as bigint) * m.meals_served
                           / (m.attendance_primary + m.attendance_upper_primary) as integer) end""";

    private final JdbcClient jdbc;

    MealConsumptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kitchen that cooks for each school, or none (the school keeps its own). */
    Map<String, UUID> kitchens(Collection<String> udiseCodes) {
        Map<String, UUID> out = new HashMap<>();
        jdbc.sql("select udise_code, kitchen_id from schools where udise_code = any(cast(:u as varchar[]))")
            .param("u", udiseCodes.toArray(String[]::new))
            .query(rs -> {
                out.put(rs.getString(1).strip(), rs.getObject(2, UUID.class));
            });
        return out;
    }

    /**
     * The existing balances of the schools and kitchens, locked for this transaction in
     * one order (schools, then kitchens, by key), so concurrent batches do not deadlock.
     */
    List<Locked> lock(Collection<String> schools, Collection<UUID> kitchens) {
        List<Locked> out = new java.util.ArrayList<>();
        if (!schools.isEmpty()) {
            out.addAll(jdbc.sql("""
                    select udise_code, commodity, quantity_kg, status from stock_balances
                    where udise_code = any(cast(:u as varchar[])) order by udise_code, commodity for update""")
                .param("u", schools.toArray(String[]::new))
                .query((rs, i) -> new Locked(Site.school(rs.getString(1).strip()), Commodity.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), StockStatus.valueOf(rs.getString(4))))
                .list());
        }
        if (!kitchens.isEmpty()) {
            out.addAll(jdbc.sql("""
                    select kitchen_id, commodity, quantity_kg, status from kitchen_stock_balances
                    where kitchen_id = any(cast(:k as uuid[])) order by kitchen_id, commodity for update""")
                .param("k", kitchens.stream().map(UUID::toString).toArray(String[]::new))
                .query((rs, i) -> new Locked(Site.kitchen(rs.getObject(1, UUID.class)),
                        Commodity.valueOf(rs.getString(2)), rs.getBigDecimal(3), StockStatus.valueOf(rs.getString(4))))
                .list());
        }
        return out;
    }

    /** Children fed by each school on each date, as its stored report says. */
    List<Fed> fedAtSchools(List<String> udiseCodes, List<LocalDate> dates) {
        return jdbc
            .sql("""
                    select m.udise_code, m.report_date, %s as fp, m.meals_served - %s as fu
                    from unnest(cast(:u as varchar[]), cast(:d as date[])) as t(udise, day)
                    join meal_reports m on m.udise_code = t.udise and m.report_date = t.day""".formatted(FED_PRIMARY,
                    FED_PRIMARY))
            .param("u", udiseCodes.toArray(String[]::new))
            .param("d", dates.stream().map(LocalDate::toString).toArray(String[]::new))
            .query((rs, i) -> new Fed(Site.school(rs.getString(1).strip()), rs.getObject(2, LocalDate.class),
                    rs.getLong(3), rs.getLong(4)))
            .list();
    }

    /**
     * Children fed by each kitchen on each date: the sum over the schools it cooks for of
     * their stored reports.
     */
    List<Fed> fedAtKitchens(List<UUID> kitchens, List<LocalDate> dates) {
        return jdbc.sql("""
                select t.kitchen, t.day, coalesce(sum(%s), 0), coalesce(sum(m.meals_served - %s), 0)
                from unnest(cast(:k as uuid[]), cast(:d as date[])) as t(kitchen, day)
                join schools s on s.kitchen_id = t.kitchen
                join meal_reports m on m.udise_code = s.udise_code and m.report_date = t.day
                group by t.kitchen, t.day""".formatted(FED_PRIMARY, FED_PRIMARY))
            .param("k", kitchens.stream().map(UUID::toString).toArray(String[]::new))
            .param("d", dates.stream().map(LocalDate::toString).toArray(String[]::new))
            .query((rs, i) -> new Fed(Site.kitchen(rs.getObject(1, UUID.class)), rs.getObject(2, LocalDate.class),
                    rs.getLong(3), rs.getLong(4)))
            .list();
    }

    /**
     * What the sites' ledgers already hold for each reference and commodity: key
     * {@code site|commodity|reference}.
     */
    Map<String, BigDecimal> posted(Collection<String> schools, Collection<UUID> kitchens,
            Collection<String> references) {
        Map<String, BigDecimal> out = new HashMap<>();
        String[] refs = references.toArray(String[]::new);
        if (!schools.isEmpty()) {
            jdbc.sql("""
                    select udise_code, commodity, reference, sum(quantity_kg) from stock_ledger
                    where udise_code = any(cast(:u as varchar[])) and reference = any(cast(:r as varchar[]))
                    group by udise_code, commodity, reference""")
                .param("u", schools.toArray(String[]::new))
                .param("r", refs)
                .query(rs -> {
                    out.put(rs.getString(1).strip() + "|" + rs.getString(2) + "|" + rs.getString(3),
                            rs.getBigDecimal(4));
                });
        }
        if (!kitchens.isEmpty()) {
            jdbc.sql("""
                    select kitchen_id, commodity, reference, sum(quantity_kg) from kitchen_stock_ledger
                    where kitchen_id = any(cast(:k as uuid[])) and reference = any(cast(:r as varchar[]))
                    group by kitchen_id, commodity, reference""")
                .param("k", kitchens.stream().map(UUID::toString).toArray(String[]::new))
                .param("r", refs)
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class) + "|" + rs.getString(2) + "|" + rs.getString(3),
                            rs.getBigDecimal(4));
                });
        }
        return out;
    }

    /**
     * A school's typical day: the average of its last 30 meal days, else the enrollment
     * of the academic year; absent when neither is known.
     */
    Map<String, Need> schoolNeeds(Collection<String> schools, String academicYear) {
        Map<String, Need> out = new HashMap<>();
        if (schools.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select u.code, r.n, r.ap, r.au, e.primary_count, e.upper_primary_count
                from unnest(cast(:u as varchar[])) as u(code)
                cross join lateral (
                    select count(*) as n, coalesce(round(avg(x.attendance_primary)), 0) as ap,
                           coalesce(round(avg(x.attendance_upper_primary)), 0) as au
                    from (select attendance_primary, attendance_upper_primary from meal_reports
                          where udise_code = u.code and meals_served > 0 order by report_date desc limit 30) x) r
                left join enrollments e on e.udise_code = u.code and e.academic_year = :y""")
            .param("u", schools.toArray(String[]::new))
            .param("y", academicYear)
            .query(rs -> {
                String code = rs.getString(1).strip();
                if (rs.getLong(2) > 0) {
                    out.put(code, new Need(rs.getLong(3), rs.getLong(4)));
                }
                else if (rs.getObject(5) != null) {
                    out.put(code, new Need(rs.getLong(5), rs.getLong(6)));
                }
            });
        return out;
    }

    /**
     * The enrollment of the schools each kitchen cooks for; absent when none is known.
     */
    Map<UUID, Need> kitchenNeeds(Collection<UUID> kitchens, String academicYear) {
        Map<UUID, Need> out = new HashMap<>();
        if (kitchens.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select s.kitchen_id, sum(e.primary_count), sum(e.upper_primary_count)
                from schools s join enrollments e on e.udise_code = s.udise_code and e.academic_year = :y
                where s.kitchen_id = any(cast(:k as uuid[]))
                group by s.kitchen_id""")
            .param("k", kitchens.stream().map(UUID::toString).toArray(String[]::new))
            .param("y", academicYear)
            .query(rs -> {
                out.put(rs.getObject(1, UUID.class), new Need(rs.getLong(2), rs.getLong(3)));
            });
        return out;
    }

    /** Writes the entries (schools' and kitchens') in a statement each. */
    void insert(List<Entry> entries, String by) {
        List<Entry> schools = entries.stream().filter(e -> !e.site().isKitchen()).toList();
        List<Entry> kitchens = entries.stream().filter(e -> e.site().isKitchen()).toList();
        if (!schools.isEmpty()) {
            jdbc.sql("""
                    insert into stock_ledger (id, udise_code, commodity, entry_date, kind, quantity_kg, balance_kg,
                                              reason, reference, created_by)
                    select t.id, t.site, t.commodity, t.day, 'CONSUMPTION', t.q, t.b, t.reason, t.ref, :by
                    from unnest(cast(:id as uuid[]), cast(:site as varchar[]), cast(:c as varchar[]),
                                cast(:d as date[]), cast(:q as numeric[]), cast(:b as numeric[]),
                                cast(:reason as varchar[]), cast(:ref as varchar[]))
                         as t(id, site, commodity, day, q, b, reason, ref)""")
                .param("site", schools.stream().map(e -> e.site().udiseCode()).toArray(String[]::new))
                .params(columns(schools))
                .param("by", by)
                .update();
        }
        if (!kitchens.isEmpty()) {
            jdbc.sql("""
                    insert into kitchen_stock_ledger (id, kitchen_id, commodity, entry_date, kind, quantity_kg,
                                                      balance_kg, reason, reference, created_by)
                    select t.id, t.site, t.commodity, t.day, 'CONSUMPTION', t.q, t.b, t.reason, t.ref, :by
                    from unnest(cast(:id as uuid[]), cast(:site as uuid[]), cast(:c as varchar[]), cast(:d as date[]),
                                cast(:q as numeric[]), cast(:b as numeric[]), cast(:reason as varchar[]),
                                cast(:ref as varchar[])) as t(id, site, commodity, day, q, b, reason, ref)""")
                .param("site", kitchens.stream().map(e -> e.site().kitchenId().toString()).toArray(String[]::new))
                .params(columns(kitchens))
                .param("by", by)
                .update();
        }
    }

    private static Map<String, Object> columns(List<Entry> entries) {
        return Map.of("id", entries.stream().map(e -> Ids.timeOrdered().toString()).toArray(String[]::new), "c",
                entries.stream().map(e -> e.commodity().name()).toArray(String[]::new), "d",
                entries.stream().map(e -> e.date().toString()).toArray(String[]::new), "q",
                entries.stream().map(e -> e.quantityKg().toPlainString()).toArray(String[]::new), "b",
                entries.stream().map(e -> e.balanceKg().toPlainString()).toArray(String[]::new), "reason",
                entries.stream().map(Entry::reason).toArray(String[]::new), "ref",
                entries.stream().map(Entry::reference).toArray(String[]::new));
    }

    /** Sets the balances (locked before) in a statement each for schools and kitchens. */
    void setBalances(List<Locked> balances) {
        List<Locked> schools = balances.stream().filter(b -> !b.site().isKitchen()).toList();
        List<Locked> kitchens = balances.stream().filter(b -> b.site().isKitchen()).toList();
        if (!schools.isEmpty()) {
            jdbc.sql("""
                    update stock_balances b set quantity_kg = t.q, status = t.s, updated_at = now()
                    from unnest(cast(:site as varchar[]), cast(:c as varchar[]), cast(:q as numeric[]),
                                cast(:s as varchar[])) as t(site, commodity, q, s)
                    where b.udise_code = t.site and b.commodity = t.commodity""")
                .param("site", schools.stream().map(b -> b.site().udiseCode()).toArray(String[]::new))
                .params(balanceColumns(schools))
                .update();
        }
        if (!kitchens.isEmpty()) {
            jdbc.sql("""
                    update kitchen_stock_balances b set quantity_kg = t.q, status = t.s, updated_at = now()
                    from unnest(cast(:site as uuid[]), cast(:c as varchar[]), cast(:q as numeric[]),
                                cast(:s as varchar[])) as t(site, commodity, q, s)
                    where b.kitchen_id = t.site and b.commodity = t.commodity""")
                .param("site", kitchens.stream().map(b -> b.site().kitchenId().toString()).toArray(String[]::new))
                .params(balanceColumns(kitchens))
                .update();
        }
    }

    private static Map<String, Object> balanceColumns(List<Locked> balances) {
        return Map.of("c", balances.stream().map(b -> b.commodity().name()).toArray(String[]::new), "q",
                balances.stream().map(b -> b.quantityKg().toPlainString()).toArray(String[]::new), "s",
                balances.stream().map(b -> b.status().name()).toArray(String[]::new));
    }

    /** A kitchen's name, place and the schools it cooks for, for its KitchenStockLow. */
    record KitchenInfo(String name, String districtCode, String blockCode, List<String> schools) {
    }

    KitchenInfo kitchen(UUID kitchen) {
        List<String> schools = jdbc.sql("select udise_code from schools where kitchen_id = :k order by udise_code")
            .param("k", kitchen)
            .query((rs, i) -> rs.getString(1).strip())
            .list();
        return jdbc.sql("select name, district_code, block_code from kitchens where id = :k")
            .param("k", kitchen)
            .query((rs, i) -> new KitchenInfo(rs.getString(1), rs.getString(2), rs.getString(3), schools))
            .single();
    }

}
