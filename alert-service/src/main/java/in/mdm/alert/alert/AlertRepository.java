package in.mdm.alert.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import in.mdm.events.Jurisdiction;

import in.mdm.platform.jdbc.PagedQuery;
import in.mdm.platform.security.JurisdictionScope;
import in.mdm.platform.web.PageResponse;

@Repository
class AlertRepository {

    /** Where an alert lies: its scope, and the school it concerns, if any. */
    static final JurisdictionScope.Columns PLACE = JurisdictionScope.Columns
        .scoped("alerts.scope_level", "alerts.scope_code", "alerts.udise_code")
        .placedIn("alerts.district_code", "alerts.block_code");

    /**
     * The advisory lock every writer of {@code alert_changes} holds to its commit, so
     * that sequence numbers commit in order.
     */
    private static final long CHANGES_LOCK = 0x6d646d616c657274L;

    private static final String FILTERS = """
            alerts.deleted_at is null
              and (cast(:status as varchar) is null or status = :status)
              and (cast(:severity as varchar) is null or severity = :severity)
              and (cast(:alertType as varchar) is null or alert_type = :alertType)
              and (cast(:scopeLevel as varchar) is null or scope_level = :scopeLevel)
              and (cast(:scopeCode as varchar) is null or scope_code = :scopeCode)
              and (cast(:udise as varchar) is null or udise_code = :udise)
              and (cast(:district as varchar) is null or district_code = :district)
              and (cast(:block as varchar) is null or block_code = :block)
              and (cast(:from as timestamptz) is null or raised_at >= cast(:from as timestamptz))
              and (cast(:to as timestamptz) is null or raised_at < cast(:to as timestamptz))""";

    private static final String UNREAD = """
            alerts.deleted_at is null and alerts.status <> 'RESOLVED'
              and not exists (select 1 from alert_reads r where r.alert_id = alerts.id and r.username = :username)""";

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Alert> find(UUID id, JurisdictionScope.Condition within) {
        return jdbc.sql("select * from alerts where id = :id and deleted_at is null and " + within.sql())
            .param("id", id)
            .params(within.params())
            .query(AlertRepository::map)
            .optional();
    }

    /** Newest first. */
    PageResponse<Alert> page(AlertFilter filter, JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery.select(jdbc, "*", "alerts", within)
            .where(FILTERS)
            .param("status", filter.status())
            .param("severity", filter.severity())
            .param("alertType", filter.alertType())
            .param("scopeLevel", filter.scopeLevel())
            .param("scopeCode", filter.scopeCode())
            .param("udise", filter.udiseCode())
            .param("district", filter.districtCode())
            .param("block", filter.blockCode())
            .param("from", timestamp(filter.from()))
            .param("to", timestamp(filter.to()))
            .orderBy("raised_at desc, id")
            .fetch(page, size, AlertRepository::map);
    }

    /** Open or acknowledged alerts the user has not marked read, newest first. */
    PageResponse<Alert> unread(String username, JurisdictionScope.Condition within, int page, int size) {
        return PagedQuery.select(jdbc, "*", "alerts", within)
            .where(UNREAD)
            .param("username", username)
            .orderBy("raised_at desc, id")
            .fetch(page, size, AlertRepository::map);
    }

    void markRead(UUID id, String username, Instant at) {
        jdbc.sql("""
                insert into alert_reads (alert_id, username, read_at) values (:id, :username, :at)
                on conflict do nothing""")
            .param("id", id)
            .param("username", username)
            .param("at", Timestamp.from(at))
            .update();
    }

    /**
     * The open (or acknowledged) alert of a subject and type, locked for this
     * transaction.
     */
    Optional<Alert> lockOpen(String subject, String alertType) {
        return jdbc.sql("""
                select * from alerts where subject = :subject and alert_type = :type and status <> 'RESOLVED'
                for update""")
            .param("subject", subject)
            .param("type", alertType)
            .query(AlertRepository::map)
            .optional();
    }

    Optional<Alert> lock(UUID id, JurisdictionScope.Condition within) {
        return jdbc
            .sql("select * from alerts where id = :id and deleted_at is null and " + within.sql() + " for update")
            .param("id", id)
            .params(within.params())
            .query(AlertRepository::map)
            .optional();
    }

    void insert(Alert a) {
        jdbc.sql("""
                insert into alerts (id, rule_code, alert_type, subject, severity, status, title, message, scope_level,
                                    scope_code, udise_code, district_code, block_code, source_event_id,
                                    source_event_type, raised_at, last_seen_at, occurrences, expires_at)
                values (:id, :rule, :type, :subject, :severity, 'OPEN', :title, :message, :level, :code, :udise,
                        :district, :block, :source, :sourceType, :at, :at, 1, :expires)""")
            .param("id", a.id())
            .param("rule", a.ruleCode())
            .param("type", a.alertType())
            .param("subject", a.subject())
            .param("severity", a.severity().name())
            .param("title", a.title())
            .param("message", a.message())
            .param("level", a.scope().level().name())
            .param("code", a.scope().code())
            .param("udise", a.udiseCode())
            .param("district", a.districtCode())
            .param("block", a.blockCode())
            .param("source", a.sourceEventId())
            .param("sourceType", a.sourceEventType())
            .param("at", Timestamp.from(a.raisedAt()))
            .param("expires", timestamp(a.expiresAt()))
            .update();
    }

    /**
     * A repeat: one more occurrence, seen now, with the rule and text of the newest
     * event.
     */
    void repeat(UUID id, String ruleCode, Severity severity, String title, String message, Instant at,
            Instant expiresAt) {
        jdbc.sql("""
                update alerts set occurrences = occurrences + 1, last_seen_at = greatest(last_seen_at, :at),
                       rule_code = :rule, severity = :severity, title = :title, message = :message, updated_at = :at,
                       expires_at = :expires
                where id = :id""")
            .param("id", id)
            .param("rule", ruleCode)
            .param("severity", severity.name())
            .param("title", title)
            .param("message", message)
            .param("at", Timestamp.from(at))
            .param("expires", timestamp(expiresAt))
            .update();
    }

    void acknowledge(UUID id, String by, Instant at) {
        jdbc.sql(
                """
                        update alerts set status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by, updated_at = :at
                        where id = :id and status = 'OPEN'""")
            .param("id", id)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    void resolve(UUID id, String by, String resolution, Instant at) {
        jdbc.sql("""
                update alerts set status = 'RESOLVED', resolved_at = :at, resolved_by = :by, resolution = :resolution,
                       updated_at = :at
                where id = :id and status <> 'RESOLVED'""")
            .param("id", id)
            .param("by", by)
            .param("resolution", resolution)
            .param("at", Timestamp.from(at))
            .update();
    }

    void escalate(UUID id, Jurisdiction to, Instant at) {
        jdbc.sql("""
                update alerts set scope_level = :level, scope_code = :code, escalated_at = :at,
                       escalation_count = escalation_count + 1, updated_at = :at
                where id = :id""")
            .param("id", id)
            .param("level", to.level().name())
            .param("code", to.code())
            .param("at", Timestamp.from(at))
            .update();
    }

    void softDelete(UUID id, String by, Instant at) {
        jdbc.sql("update alerts set deleted_at = :at, deleted_by = :by, updated_at = :at where id = :id")
            .param("id", id)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    /**
     * Unacknowledged CRITICAL alerts below the state that have waited since
     * {@code before} at their level, oldest first, locked (skipping rows another replica
     * holds).
     */
    List<Alert> dueForEscalation(Instant before, int limit) {
        return jdbc.sql("""
                select * from alerts
                where status = 'OPEN' and severity = 'CRITICAL' and deleted_at is null and scope_level <> 'STATE'
                  and coalesce(escalated_at, raised_at) <= :before
                order by raised_at limit :limit for update skip locked""")
            .param("before", Timestamp.from(before))
            .param("limit", limit)
            .query(AlertRepository::map)
            .list();
    }

    /**
     * Open alerts whose cause ended by {@code now}, locked (skipping rows others hold).
     */
    List<Alert> expired(Instant now, int limit) {
        return jdbc.sql("""
                select * from alerts
                where status <> 'RESOLVED' and expires_at <= :now and deleted_at is null
                order by expires_at limit :limit for update skip locked""")
            .param("now", Timestamp.from(now))
            .param("limit", limit)
            .query(AlertRepository::map)
            .list();
    }

    /** A school's open alerts of these types (not the roll-ups of its area), locked. */
    List<Alert> lockOpenOfSchool(String udise, Collection<String> types) {
        return jdbc.sql("""
                select * from alerts
                where udise_code = :udise and alert_type in (:types) and status <> 'RESOLVED' and deleted_at is null
                order by raised_at for update""")
            .param("udise", udise)
            .param("types", types)
            .query(AlertRepository::map)
            .list();
    }

    /**
     * The open alerts of these types of each of the schools, locked, by UDISE code: one
     * statement for a batch of events.
     */
    Map<String, List<Alert>> lockOpenOfSchools(Collection<String> udiseCodes, Collection<String> types) {
        Map<String, List<Alert>> out = new HashMap<>();
        if (udiseCodes.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select * from alerts
                where udise_code = any (cast(:udise as varchar[])) and alert_type in (:types)
                  and status <> 'RESOLVED' and deleted_at is null
                order by udise_code, raised_at for update""")
            .param("udise", udiseCodes.toArray(String[]::new))
            .param("types", types)
            .query(AlertRepository::map)
            .list()
            .forEach(alert -> out.computeIfAbsent(alert.udiseCode(), u -> new ArrayList<>()).add(alert));
        return out;
    }

    /** Those of the schools with an open alert of the type at this severity. */
    Set<String> withOpen(Collection<String> udiseCodes, String type, Severity severity) {
        if (udiseCodes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select distinct udise_code from alerts
                where udise_code = any (cast(:udise as varchar[])) and alert_type = :type and severity = :severity
                  and status <> 'RESOLVED' and deleted_at is null""")
            .param("udise", udiseCodes.toArray(String[]::new))
            .param("type", type)
            .param("severity", severity.name())
            .query(String.class)
            .list());
    }

    /** Schools known in a block or district ({@code level} BLOCK or DISTRICT). */
    int schoolsIn(Jurisdiction.Level level, String code) {
        return jdbc.sql("select count(*) from school_locations where " + column(level) + " = :code")
            .param("code", code)
            .query(Integer.class)
            .single();
    }

    /** Schools of a block or district with an open school alert of the type. */
    Area openIn(Jurisdiction.Level level, String code, String type) {
        return jdbc.sql("""
                select count(distinct udise_code) as schools,
                       coalesce(max(case severity when 'CRITICAL' then 2 when 'WARNING' then 1 else 0 end), 0) as worst
                from alerts
                where alert_type = :type and %s = :code and udise_code is not null and status <> 'RESOLVED'
                  and deleted_at is null""".formatted(column(level)))
            .param("type", type)
            .param("code", code)
            .query((rs, row) -> new Area(rs.getInt("schools"), Severity.values()[rs.getInt("worst")]))
            .single();
    }

    record Area(int schools, Severity worst) {
    }

    /** The district of a block, from the schools known in it. */
    Optional<String> districtOfBlock(String block) {
        return jdbc.sql("select district_code from school_locations where block_code = :block limit 1")
            .param("block", block)
            .query(String.class)
            .optional();
    }

    /** Schools of a district with their blocks. */
    List<String[]> schoolsOfDistrict(String district) {
        return jdbc.sql("select udise_code, block_code from school_locations where district_code = :d order by 1")
            .param("d", district)
            .query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
            .list();
    }

    void audit(String action, String target, String by, Instant at, String detail) {
        jdbc.sql("insert into alert_audit (action, target, by_user, at, detail) values (:a, :t, :b, :at, :d)")
            .param("a", action)
            .param("t", target)
            .param("b", by)
            .param("at", Timestamp.from(at))
            .param("d", detail)
            .update();
    }

    /**
     * Takes the lock every writer of alerts holds to its commit (taking it again in one
     * transaction is harmless). Taken first, before any row lock, it also keeps writers
     * from deadlocking on each other's rows.
     */
    void lockChanges() {
        jdbc.sql("select count(*) from (select pg_advisory_xact_lock(:lock)) l")
            .param("lock", CHANGES_LOCK)
            .query(Integer.class)
            .single();
    }

    /** One change of an alert for the live streams; returns its sequence number. */
    long change(UUID alertId, String change, Instant at) {
        lockChanges();
        return jdbc.sql("insert into alert_changes (alert_id, change, at) values (:id, :change, :at) returning seq")
            .param("id", alertId)
            .param("change", change)
            .param("at", Timestamp.from(at))
            .query(Long.class)
            .single();
    }

    record Change(long seq, String change, Alert alert) {
    }

    /** Changes after a sequence number, in order, at most {@code limit}. */
    List<Change> changesAfter(long after, int limit) {
        return jdbc.sql("""
                select c.seq as change_seq, c.change as change_kind, a.*
                from alert_changes c join alerts a on a.id = c.alert_id
                where c.seq > :after order by c.seq limit :limit""")
            .param("after", after)
            .param("limit", limit)
            .query((rs, row) -> new Change(rs.getLong("change_seq"), rs.getString("change_kind"), map(rs, row)))
            .list();
    }

    /** Changes in {@code (after, upTo]} of the alerts inside a jurisdiction, in order. */
    List<Change> changesWithin(long after, long upTo, JurisdictionScope.Condition within, int limit) {
        return jdbc.sql("""
                select c.seq as change_seq, c.change as change_kind, alerts.*
                from alert_changes c join alerts on alerts.id = c.alert_id
                where c.seq > :after and c.seq <= :upTo and %s
                order by c.seq limit :limit""".formatted(within.sql()))
            .param("after", after)
            .param("upTo", upTo)
            .params(within.params())
            .param("limit", limit)
            .query((rs, row) -> new Change(rs.getLong("change_seq"), rs.getString("change_kind"), map(rs, row)))
            .list();
    }

    /** Forgets the stream changes older than {@code before}; returns how many. */
    int deleteChangesBefore(Instant before) {
        return jdbc.sql("delete from alert_changes where at < :before")
            .param("before", Timestamp.from(before))
            .update();
    }

    long lastChange() {
        return jdbc.sql("select coalesce(max(seq), 0) from alert_changes").query(Long.class).single();
    }

    /** Counts of the alerts raised in {@code [from, to)} inside a jurisdiction. */
    Map<String, Long> countBy(String column, Instant from, Instant to, JurisdictionScope.Condition within) {
        String key = switch (column) {
            case "severity", "alert_type", "district_code" -> column;
            default -> throw new IllegalArgumentException(column);
        };
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select coalesce(%s, 'none') as k, count(*) as n from alerts
                where deleted_at is null and raised_at >= :from and raised_at < :to and %s
                group by 1 order by 2 desc, 1""".formatted(key, within.sql()))
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .params(within.params())
            .query((rs, row) -> counts.put(rs.getString("k"), rs.getLong("n")))
            .list();
        return counts;
    }

    /** Alerts raised per day (India's calendar) in {@code [from, to)}. */
    Map<LocalDate, Long> perDay(Instant from, Instant to, JurisdictionScope.Condition within) {
        Map<LocalDate, Long> days = new java.util.TreeMap<>();
        jdbc.sql("""
                select cast(raised_at at time zone 'Asia/Kolkata' as date) as day, count(*) as n from alerts
                where deleted_at is null and raised_at >= :from and raised_at < :to and %s
                group by 1""".formatted(within.sql()))
            .param("from", Timestamp.from(from))
            .param("to", Timestamp.from(to))
            .params(within.params())
            .query((rs, row) -> days.put(rs.getObject("day", LocalDate.class), rs.getLong("n")))
            .list();
        return days;
    }

    private static String column(Jurisdiction.Level level) {
        return switch (level) {
            case BLOCK -> "block_code";
            case DISTRICT -> "district_code";
            default -> throw new IllegalArgumentException("an area is a block or a district: " + level);
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Alert map(ResultSet rs, int row) throws SQLException {
        return new Alert(rs.getObject("id", UUID.class), rs.getString("rule_code"), rs.getString("alert_type"),
                rs.getString("subject"), Severity.valueOf(rs.getString("severity")),
                AlertStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("message"),
                new Jurisdiction(Jurisdiction.Level.valueOf(rs.getString("scope_level")), rs.getString("scope_code")),
                rs.getString("udise_code"), rs.getString("district_code"), rs.getString("block_code"),
                rs.getString("source_event_id"), rs.getString("source_event_type"),
                instant(rs.getTimestamp("raised_at")), instant(rs.getTimestamp("last_seen_at")),
                rs.getInt("occurrences"), instant(rs.getTimestamp("acknowledged_at")), rs.getString("acknowledged_by"),
                instant(rs.getTimestamp("escalated_at")), rs.getInt("escalation_count"),
                instant(rs.getTimestamp("resolved_at")), rs.getString("resolved_by"), rs.getString("resolution"),
                instant(rs.getTimestamp("expires_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * Alerts not yet resolved (open or acknowledged), across the country: the pulse
     * gauge.
     */
    long countUnresolved() {
        return jdbc.sql("select count(*) from alerts where status <> 'RESOLVED' and deleted_at is null")
            .query(Long.class)
            .single();
    }

}
