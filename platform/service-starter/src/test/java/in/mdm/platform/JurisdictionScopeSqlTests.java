package in.mdm.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.Jurisdiction;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.security.JurisdictionScope.Columns;
import in.mdm.platform.security.JurisdictionScope.Condition;
import in.mdm.testkit.Infrastructure;
import in.mdm.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the SQL conditions select on PostgreSQL is exactly what the in-memory check
 * covers, for every shape of table, every level of caller and rows at every level:
 * Chennai (568) with blocks 6301 and 6302, Coimbatore (569) with block 6401, a school in
 * each block, and a school nobody has placed.
 */
class JurisdictionScopeSqlTests {

    static final Map<String, String[]> PLACES = new LinkedHashMap<>();
    static final String UNPLACED = "33999900001";

    static {
        PLACES.put("33020100101", new String[] { "568", "6301" });
        PLACES.put("33020200201", new String[] { "568", "6302" });
        PLACES.put("33120100301", new String[] { "569", "6401" });
    }

    static final List<Jurisdiction> CALLERS = List.of(Jurisdiction.state("33"), Jurisdiction.district("568"),
            Jurisdiction.district("569"), Jurisdiction.district("570"), Jurisdiction.block("6301"),
            Jurisdiction.block("6302"), Jurisdiction.block("6401"), Jurisdiction.school("33020100101"),
            Jurisdiction.school("33120100301"), Jurisdiction.school(UNPLACED));

    static JdbcClient jdbc;

    @BeforeAll
    static void tables() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(Infrastructure.postgres().jdbcUrl());
        dataSource.setUser(PostgresServer.USER);
        JdbcClient.create(dataSource)
            .sql("drop schema if exists jurisdiction_probe cascade; create schema jurisdiction_probe")
            .update();
        dataSource.setCurrentSchema("jurisdiction_probe");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql(
                """
                        create table school_locations (udise_code char(11) primary key, district_code varchar(6) not null,
                                                       block_code varchar(6) not null);
                        create table located (id int primary key, district_code varchar(6), block_code varchar(6), udise_code char(11));
                        create table keyed (id int primary key, from_udise_code char(11) not null, to_udise_code char(11) not null);
                        create table scoped (id int primary key, scope_level varchar(8) not null, scope_code varchar(11) not null,
                                             udise_code char(11));
                        create table placed (id int primary key, scope_level varchar(8) not null, scope_code varchar(11) not null,
                                             udise_code char(11), district_code varchar(6), block_code varchar(6))""")
            .update();
        PLACES.forEach((udise, place) -> jdbc.sql("insert into school_locations values (?, ?, ?)")
            .params(udise, place[0], place[1])
            .update());
    }

    @Test
    void rowsCarryingTheirPlaceAreSelectedAsTheyAreCovered() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { null, null, null });
        rows.add(new String[] { "568", null, null });
        rows.add(new String[] { "569", null, null });
        rows.add(new String[] { "568", "6301", null });
        PLACES.forEach((udise, place) -> rows.add(new String[] { place[0], place[1], udise }));
        jdbc.sql("delete from located").update();
        for (int id = 0; id < rows.size(); id++) {
            jdbc.sql("insert into located values (?, ?, ?, ?)")
                .params(id, rows.get(id)[0], rows.get(id)[1], rows.get(id)[2])
                .update();
        }
        Columns columns = Columns.located("l.district_code", "l.block_code", "l.udise_code");
        for (Jurisdiction caller : CALLERS) {
            JurisdictionScope scope = JurisdictionScope.of(caller);
            Set<Integer> expected = new TreeSet<>();
            for (int id = 0; id < rows.size(); id++) {
                if (scope.covers(rows.get(id)[0], rows.get(id)[1], rows.get(id)[2])) {
                    expected.add(id);
                }
            }
            assertThat(ids("located l", scope.where(columns))).as("%s", caller).isEqualTo(expected);
        }
        assertThat(ids("located l", JurisdictionScope.of((Jurisdiction) null).where(columns))).isEmpty();
    }

    @Test
    void rowsNamingSchoolsOnlyArePlacedByTheSchoolLocationsAndTwoConditionsCombine() {
        List<String> schools = new ArrayList<>(PLACES.keySet());
        schools.add(UNPLACED);
        List<String[]> rows = new ArrayList<>();
        for (String from : schools) {
            for (String to : schools) {
                rows.add(new String[] { from, to });
            }
        }
        jdbc.sql("delete from keyed").update();
        for (int id = 0; id < rows.size(); id++) {
            jdbc.sql("insert into keyed values (?, ?, ?)").params(id, rows.get(id)[0], rows.get(id)[1]).update();
        }
        for (Jurisdiction caller : CALLERS) {
            JurisdictionScope scope = JurisdictionScope.of(caller);
            Set<Integer> sending = new TreeSet<>();
            Set<Integer> either = new TreeSet<>();
            for (int id = 0; id < rows.size(); id++) {
                boolean from = covers(scope, rows.get(id)[0]);
                boolean to = covers(scope, rows.get(id)[1]);
                if (from) {
                    sending.add(id);
                }
                if (from || to) {
                    either.add(id);
                }
            }
            Condition from = scope.where(Columns.school("from_udise_code"));
            Condition to = scope.where(Columns.school("to_udise_code"));
            assertThat(ids("keyed", from)).as("%s, sending school", caller).isEqualTo(sending);
            assertThat(ids("keyed", from.or(to))).as("%s, either school", caller).isEqualTo(either);
        }
    }

    @Test
    void rowsScopedToALevelAreSeenDownTheTree() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "STATE", "33", null });
        rows.add(new String[] { "STATE", "33", "33020100101" });
        rows.add(new String[] { "DISTRICT", "568", null });
        rows.add(new String[] { "DISTRICT", "569", null });
        rows.add(new String[] { "BLOCK", "6301", null });
        rows.add(new String[] { "BLOCK", "6401", null });
        rows.add(new String[] { "BLOCK", "6999", null });
        for (String udise : PLACES.keySet()) {
            rows.add(new String[] { "SCHOOL", udise, udise });
        }
        rows.add(new String[] { "SCHOOL", UNPLACED, null });
        jdbc.sql("delete from scoped").update();
        for (int id = 0; id < rows.size(); id++) {
            jdbc.sql("insert into scoped values (?, ?, ?, ?)")
                .params(id, rows.get(id)[0], rows.get(id)[1], rows.get(id)[2])
                .update();
        }
        for (Jurisdiction caller : CALLERS) {
            JurisdictionScope scope = JurisdictionScope.of(caller);
            Set<Integer> byScope = new TreeSet<>();
            Set<Integer> byScopeOrSchool = new TreeSet<>();
            for (int id = 0; id < rows.size(); id++) {
                String[] row = rows.get(id);
                boolean own = coversScope(scope, row[0], row[1]);
                if (own) {
                    byScope.add(id);
                }
                if (own || row[2] != null && covers(scope, row[2])) {
                    byScopeOrSchool.add(id);
                }
            }
            assertThat(ids("scoped", scope.where(Columns.scoped("scope_level", "scope_code", null)))).as("%s", caller)
                .isEqualTo(byScope);
            assertThat(ids("scoped",
                    scope.where(Columns.scoped("scoped.scope_level", "scoped.scope_code", "scoped.udise_code"))))
                .as("%s, with the school a row concerns", caller)
                .isEqualTo(byScopeOrSchool);
        }
    }

    @Test
    void scopedRowsNamingTheirDistrictAndBlockAreSeenThere() {
        // level, code, school, district, block: rows as alerts carry them, and rows
        // raised
        // before their school was placed (no district, no block)
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "STATE", "33", null, null, null });
        rows.add(new String[] { "STATE", "33", null, "568", null });
        rows.add(new String[] { "STATE", "33", "33020100101", "568", "6301" });
        rows.add(new String[] { "DISTRICT", "568", null, "568", null });
        rows.add(new String[] { "DISTRICT", "569", null, "569", "6401" });
        rows.add(new String[] { "DISTRICT", "569", null, null, null });
        rows.add(new String[] { "BLOCK", "6301", null, "568", "6301" });
        rows.add(new String[] { "BLOCK", "6401", null, null, null });
        for (Map.Entry<String, String[]> school : PLACES.entrySet()) {
            rows.add(new String[] { "SCHOOL", school.getKey(), school.getKey(), school.getValue()[0],
                    school.getValue()[1] });
            rows.add(new String[] { "SCHOOL", school.getKey(), school.getKey(), null, null });
        }
        rows.add(new String[] { "SCHOOL", UNPLACED, UNPLACED, null, null });
        jdbc.sql("delete from placed").update();
        for (int id = 0; id < rows.size(); id++) {
            String[] row = rows.get(id);
            jdbc.sql("insert into placed values (?, ?, ?, ?, ?, ?)")
                .params(id, row[0], row[1], row[2], row[3], row[4])
                .update();
        }
        Columns columns = Columns.scoped("scope_level", "scope_code", "udise_code")
            .placedIn("district_code", "block_code");
        for (Jurisdiction caller : CALLERS) {
            JurisdictionScope scope = JurisdictionScope.of(caller);
            Set<Integer> expected = new TreeSet<>();
            for (int id = 0; id < rows.size(); id++) {
                String[] row = rows.get(id);
                String named = switch (caller.level()) {
                    case DISTRICT -> row[3];
                    case BLOCK -> row[4];
                    default -> null;
                };
                boolean seen = named != null ? named.equals(caller.code())
                        : coversScope(scope, row[0], row[1]) || row[2] != null && covers(scope, row[2]);
                if (seen) {
                    expected.add(id);
                }
            }
            assertThat(ids("placed", scope.where(columns))).as("%s", caller).isEqualTo(expected);
        }
        assertThat(ids("placed", JurisdictionScope.of(Jurisdiction.district("568")).where(columns)))
            .as("Chennai sees the state alert naming it, its block's and its schools'")
            .contains(1, 2, 3, 6)
            .doesNotContain(0, 4, 5, 7);
    }

    /** A school placed by the table (an unplaced one has only its own code). */
    private static boolean covers(JurisdictionScope scope, String udise) {
        String[] place = PLACES.getOrDefault(udise, new String[2]);
        return scope.covers(place[0], place[1], udise);
    }

    /**
     * A scope placed in the tree: a block in the district of its schools, a school in its
     * district and block.
     */
    private static boolean coversScope(JurisdictionScope scope, String level, String code) {
        return switch (level) {
            case "STATE" -> scope.covers(null, null, null);
            case "DISTRICT" -> scope.covers(code, null, null);
            case "BLOCK" -> scope.covers(
                    PLACES.values().stream().filter(p -> p[1].equals(code)).map(p -> p[0]).findFirst().orElse(null),
                    code, null);
            default -> covers(scope, code);
        };
    }

    private static Set<Integer> ids(String from, Condition condition) {
        return new TreeSet<>(jdbc.sql("select id from " + from + " where " + condition.sql())
            .params(condition.params())
            .query(Integer.class)
            .list());
    }

}
