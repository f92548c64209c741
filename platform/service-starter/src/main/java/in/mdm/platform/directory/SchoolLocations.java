package in.mdm.platform.directory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import in.mdm.platform.security.Caller;

/**
 * This service's copy of where every school is (district and block), fed by school-service's events, so that data
 * keyed by a UDISE code alone (alerts, transfer plans ...) can be filtered by the caller's jurisdiction.
 */
public class SchoolLocations {

    /** A school's place in the administrative tree. */
    public record Location(String udiseCode, String districtCode, String blockCode) {
    }

    /**
     * A SQL condition with its parameters.
     */
    public record Condition(String sql, Map<String, Object> params) {

        public String and() {
            return " and (" + sql + ")";
        }

        /** Either condition (their parameter names must differ: give them different {@code name}s). */
        public Condition or(Condition other) {
            Map<String, Object> both = new LinkedHashMap<>(params);
            both.putAll(other.params);
            return new Condition("(" + sql + ") or (" + other.sql + ")", both);
        }
    }

    private final JdbcClient jdbc;

    public SchoolLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Location> find(String udiseCode) {
        return jdbc.sql("select udise_code, district_code, block_code from school_locations where udise_code = :udise")
                .param("udise", udiseCode)
                .query((rs, n) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Whether the school is known and inside the caller's jurisdiction. */
    public boolean visibleTo(Caller caller, String udiseCode) {
        return find(udiseCode).map(l -> caller.covers(l.districtCode(), l.blockCode(), l.udiseCode())).orElse(false);
    }

    /**
     * "The school in this column lies inside the caller's jurisdiction" as SQL. {@code name} keeps the parameter
     * names of two such conditions in one statement apart.
     */
    public Condition condition(Caller caller, String udiseColumn, String name) {
        if (caller.jurisdiction() == null) {
            return new Condition("false", Map.of());
        }
        String param = "loc_" + name;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(param, caller.jurisdiction().code());
        return switch (caller.jurisdiction().level()) {
            case STATE -> new Condition("true", Map.of());
            case SCHOOL -> new Condition(udiseColumn + " = :" + param, params);
            case DISTRICT -> new Condition("exists (select 1 from school_locations " + param + "_l where " + param
                    + "_l.udise_code = " + udiseColumn + " and " + param + "_l.district_code = :" + param + ")", params);
            case BLOCK -> new Condition("exists (select 1 from school_locations " + param + "_l where " + param
                    + "_l.udise_code = " + udiseColumn + " and " + param + "_l.block_code = :" + param + ")", params);
        };
    }

    /**
     * "This row's scope lies inside the caller's jurisdiction" as SQL, for rows scoped to a level and code (the
     * state, a district, a block or a school) such as alerts and reports: a district sees its own rows, its
     * blocks' and its schools'; a block its own and its schools'; a school its own. A block is placed in its
     * district by the schools known in it.
     *
     * @param levelColumn a column holding STATE, DISTRICT, BLOCK or SCHOOL
     * @param codeColumn  the LGD or UDISE code of that scope
     * @param udiseColumn an expression giving the school's UDISE code when the row concerns a school, else null
     */
    public Condition scopeCondition(Caller caller, String levelColumn, String codeColumn, String udiseColumn, String name) {
        if (caller.jurisdiction() == null) {
            return new Condition("false", Map.of());
        }
        String p = "loc_" + name;
        Map<String, Object> params = Map.of(p, caller.jurisdiction().code());
        return switch (caller.jurisdiction().level()) {
            case STATE -> new Condition("true", Map.of());
            case DISTRICT -> new Condition("(" + levelColumn + " = 'DISTRICT' and " + codeColumn + " = :" + p + ")"
                    + " or (" + levelColumn + " = 'BLOCK' and exists (select 1 from school_locations " + p + "_b where "
                    + p + "_b.block_code = " + codeColumn + " and " + p + "_b.district_code = :" + p + "))"
                    + " or (" + udiseColumn + " is not null and exists (select 1 from school_locations " + p + "_s where "
                    + p + "_s.udise_code = " + udiseColumn + " and " + p + "_s.district_code = :" + p + "))", params);
            case BLOCK -> new Condition("(" + levelColumn + " = 'BLOCK' and " + codeColumn + " = :" + p + ")"
                    + " or (" + udiseColumn + " is not null and exists (select 1 from school_locations " + p + "_s where "
                    + p + "_s.udise_code = " + udiseColumn + " and " + p + "_s.block_code = :" + p + "))", params);
            case SCHOOL -> new Condition(udiseColumn + " = :" + p, params);
        };
    }

    /** Whether a scope (the state, a district, a block or a school) lies inside the caller's jurisdiction. */
    public boolean covers(Caller caller, in.mdm.events.Jurisdiction scope) {
        if (caller.jurisdiction() == null) {
            return false;
        }
        var mine = caller.jurisdiction();
        if (mine.level() == in.mdm.events.Jurisdiction.Level.STATE) {
            return true;
        }
        return switch (scope.level()) {
            case STATE -> false;
            case DISTRICT -> caller.covers(scope.code(), null, null);
            case BLOCK -> mine.level() == in.mdm.events.Jurisdiction.Level.BLOCK ? mine.code().equals(scope.code())
                    : mine.level() == in.mdm.events.Jurisdiction.Level.DISTRICT && jdbc.sql(
                            "select exists (select 1 from school_locations where block_code = :block and district_code = :district)")
                            .param("block", scope.code()).param("district", mine.code()).query(Boolean.class).single();
            case SCHOOL -> visibleTo(caller, scope.code());
        };
    }

    /** Records a school's place unless a newer event has already done so; returns whether it changed. */
    public boolean record(String udiseCode, String districtCode, String blockCode, Instant occurredAt, UUID eventId) {
        return recordAll(List.of(new Placed(udiseCode, districtCode, blockCode, occurredAt, eventId))) == 1;
    }

    /** A school's place as an event gave it. */
    public record Placed(String udiseCode, String districtCode, String blockCode, Instant occurredAt, UUID eventId) {
    }

    /**
     * Records many schools' places in one statement, each unless a newer event has already placed the school (of
     * several places of one school here, the newest counts); returns how many rows changed.
     */
    public int recordAll(List<Placed> places) {
        Map<String, Placed> newest = new LinkedHashMap<>();
        for (Placed place : places) {
            newest.merge(place.udiseCode(), place, (a, b) -> b.occurredAt().isAfter(a.occurredAt()) ? b : a);
        }
        if (newest.isEmpty()) {
            return 0;
        }
        int n = newest.size();
        String[] udise = new String[n];
        String[] district = new String[n];
        String[] block = new String[n];
        String[] occurred = new String[n];
        String[] eventIds = new String[n];
        int i = 0;
        for (Placed place : newest.values()) {
            udise[i] = place.udiseCode();
            district[i] = place.districtCode();
            block[i] = place.blockCode();
            occurred[i] = place.occurredAt().toString();
            eventIds[i] = place.eventId().toString();
            i++;
        }
        return jdbc.sql("""
                insert into school_locations (udise_code, district_code, block_code, occurred_at, event_id)
                select * from unnest(:udise, :district, :block, cast(:occurred as timestamptz[]), cast(:eventId as uuid[]))
                on conflict (udise_code) do update
                   set district_code = excluded.district_code, block_code = excluded.block_code,
                       occurred_at = excluded.occurred_at, event_id = excluded.event_id, updated_at = now()
                 where school_locations.occurred_at < excluded.occurred_at""")
                .param("udise", new SqlArrayValue("text", (Object[]) udise))
                .param("district", new SqlArrayValue("text", (Object[]) district))
                .param("block", new SqlArrayValue("text", (Object[]) block))
                .param("occurred", new SqlArrayValue("text", (Object[]) occurred))
                .param("eventId", new SqlArrayValue("text", (Object[]) eventIds))
                .update();
    }
}
