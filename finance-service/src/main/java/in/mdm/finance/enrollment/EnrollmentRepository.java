package in.mdm.finance.enrollment;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.school.EnrollmentUpdated;

@Repository
class EnrollmentRepository {

    private final JdbcClient jdbc;

    EnrollmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies the newer of the stored enrollment and the event; an older or repeated
     * event changes nothing.
     * @return whether the event was newer and applied
     */
    boolean upsert(EnrollmentUpdated e) {
        return jdbc.sql("""
                insert into enrollments (udise_code, academic_year, primary_count, upper_primary_count,
                                         district_code, block_code, last_event_id, last_event_at)
                values (:udise, :year, :primary, :upperPrimary, :district, :block, :eventId, :eventAt)
                on conflict (udise_code, academic_year) do update set
                    primary_count = excluded.primary_count, upper_primary_count = excluded.upper_primary_count,
                    district_code = excluded.district_code, block_code = excluded.block_code,
                    last_event_id = excluded.last_event_id, last_event_at = excluded.last_event_at
                where enrollments.last_event_at <= excluded.last_event_at""")
            .param("udise", e.udiseCode())
            .param("year", e.academicYear())
            .param("primary", e.primary())
            .param("upperPrimary", e.upperPrimary())
            .param("district", e.districtCode())
            .param("block", e.blockCode())
            .param("eventId", e.eventId().toString())
            .param("eventAt", Timestamp.from(e.occurredAt()))
            .update() == 1;
    }

}
