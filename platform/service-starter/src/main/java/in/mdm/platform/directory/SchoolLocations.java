package in.mdm.platform.directory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * This service's copy of where every school is (district and block), fed by
 * school-service's events, so that data keyed by a UDISE code alone (alerts, transfer
 * plans ...) can be filtered by the caller's jurisdiction: the conditions of
 * {@link in.mdm.platform.security.JurisdictionScope.Columns#school} and
 * {@link in.mdm.platform.security.JurisdictionScope.Columns#scoped} read this table, and
 * {@link #find} places one school for
 * {@link in.mdm.platform.security.JurisdictionScope#covers}.
 */
public class SchoolLocations implements SchoolPlaces {

    /** A school's place in the administrative tree. */
    public record Location(String udiseCode, String districtCode, String blockCode) {
    }

    private final JdbcClient jdbc;

    private final TableSchoolPlaces places;

    public SchoolLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.places = new TableSchoolPlaces(jdbc, "school_locations");
    }

    @Override
    public Optional<Location> school(String udiseCode) {
        return places.school(udiseCode);
    }

    @Override
    public boolean anySchoolIn(String districtCode, String blockCode) {
        return places.anySchoolIn(districtCode, blockCode);
    }

    public Optional<Location> find(String udiseCode) {
        return places.school(udiseCode);
    }

    /**
     * Records a school's place unless a newer event has already done so; returns whether
     * it changed.
     */
    public boolean record(String udiseCode, String districtCode, String blockCode, Instant occurredAt, UUID eventId) {
        return recordAll(List.of(new Placed(udiseCode, districtCode, blockCode, occurredAt, eventId))) == 1;
    }

    /** A school's place as an event gave it. */
    public record Placed(String udiseCode, String districtCode, String blockCode, Instant occurredAt, UUID eventId) {
    }

    /**
     * Records many schools' places in one statement, each unless a newer event has
     * already placed the school (of several places of one school here, the newest
     * counts); returns how many rows changed.
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
        return jdbc
            .sql("""
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
