package in.mdm.school.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import in.mdm.school.masterdata.NameKey;

/**
 * The import's SQL: districts and blocks to match against, blocks the import makes, the
 * chunk's rows by {@code COPY} into a temporary table, the set-based upserts of schools
 * and enrollments from it, and the rejects. Every method runs in the caller's
 * transaction, if any. Built from a bare data source too, for a benchmark.
 */
@Repository
public class SchoolImportRepository {

    /** A district: its LGD code, its state's and its name. */
    record District(String code, String stateCode, String name) {
    }

    /** Another name of a district: its district, state and the name's key. */
    record Alias(String districtCode, String stateCode, String aliasKey) {
    }

    /** A block: its district's LGD code, its own and its name. */
    record Block(String districtCode, String code, String name) {
    }

    /** A school the upsert inserted ({@code inserted}) or changed, as it is now. */
    record UpsertedSchool(String udiseCode, String name, String districtCode, String blockCode, String category,
            String management, String ruralUrban, boolean pmPoshanEligible, Double latitude, Double longitude,
            UUID kitchenId, boolean inserted) {
    }

    /** An enrollment the upsert inserted or changed, with where its school lies. */
    record ChangedEnrollment(String udiseCode, int primaryCount, int upperPrimaryCount, String districtCode,
            String blockCode) {
    }

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    public SchoolImportRepository(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    List<District> districts() {
        List<District> districts = new ArrayList<>();
        jdbc.sql("select code, state_code, name from districts").query(rs -> {
            districts.add(new District(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return districts;
    }

    /** Every district alias. */
    List<Alias> districtAliases() {
        List<Alias> aliases = new ArrayList<>();
        jdbc.sql("select district_code, state_code, alias_key from district_aliases order by district_code, alias_key")
            .query(rs -> {
                aliases.add(new Alias(rs.getString(1), rs.getString(2), rs.getString(3)));
            });
        return aliases;
    }

    /** Every block, by district and code. */
    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        jdbc.sql("select district_code, code, name from blocks order by district_code, code").query(rs -> {
            blocks.add(new Block(rs.getString(1), rs.getString(2), rs.getString(3)));
        });
        return blocks;
    }

    /** A code for a block the import makes (the file names it but gives no code). */
    long nextBlockCode() {
        return jdbc.sql("select nextval('import_block_codes')").query(Long.class).single();
    }

    /** Writes blocks made for the import; one that exists already is left as it is. */
    void createBlocks(List<Places.NewBlock> newBlocks) {
        for (Places.NewBlock b : newBlocks) {
            jdbc.sql("""
                    insert into blocks (district_code, code, name, name_key, source) values (:d, :c, :n, :k, 'IMPORT')
                    on conflict do nothing""")
                .param("d", b.districtCode())
                .param("c", b.code())
                .param("n", b.name())
                .param("k", NameKey.of(b.name()))
                .update();
        }
    }

    /**
     * The chunk's lines (COPY text format, one row each) into the transaction's
     * {@code school_import_rows}.
     */
    void copy(List<String> lines) {
        jdbc.sql("""
                create temporary table if not exists school_import_rows
                (udise_code char(11) not null, line_no integer not null, name varchar(200) not null,
                 district_code varchar(6) not null, block_code varchar(6) not null, category varchar(40) not null,
                 management varchar(40) not null, rural_urban varchar(10), pincode char(6), latitude numeric(9, 6),
                 longitude numeric(9, 6), enrollment_primary integer, enrollment_upper_primary integer,
                 eligible_primary boolean not null, eligible_upper_primary boolean not null) on commit delete rows""")
            .update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                    "copy school_import_rows from stdin", 1 << 16);
            try (Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16)) {
                for (String line : lines) {
                    out.write(line);
                }
            }
        }
        catch (SQLException | IOException ex) {
            throw new IllegalStateException("COPY of the import rows failed", ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    void storeRejects(UUID jobId, List<SchoolImporter.Reject> rejects) {
        for (int i = 0; i < rejects.size(); i += 1000) {
            List<SchoolImporter.Reject> batch = rejects.subList(i, Math.min(rejects.size(), i + 1000));
            jdbc.sql("""
                    insert into school_import_rejects (job_id, line_no, udise_code, school_name, reason, did_you_mean)
                    select :job, * from unnest(cast(:lines as integer[]), cast(:codes as varchar[]),
                                               cast(:names as varchar[]), cast(:reasons as varchar[]),
                                               cast(:suggestions as varchar[]))""")
                .param("job", jobId)
                .param("lines", batch.stream().map(SchoolImporter.Reject::line).toArray(Integer[]::new))
                .param("codes", batch.stream().map(SchoolImporter.Reject::udiseCode).toArray(String[]::new))
                .param("names", batch.stream().map(SchoolImporter.Reject::schoolName).toArray(String[]::new))
                .param("reasons", batch.stream().map(SchoolImporter.Reject::reason).toArray(String[]::new))
                .param("suggestions", batch.stream().map(SchoolImporter.Reject::didYouMean).toArray(String[]::new))
                .update();
        }
    }

    /**
     * Inserts the chunk's new schools and updates its changed ones; an unchanged row is
     * not written.
     */
    List<UpsertedSchool> upsertSchools() {
        List<UpsertedSchool> upserted = new ArrayList<>();
        jdbc.sql(
                """
                        insert into schools (udise_code, name, district_code, block_code, category, management, rural_urban,
                                             pm_poshan_eligible, eligible_primary, eligible_upper_primary, pincode, latitude, longitude)
                        select t.udise_code, t.name, t.district_code, t.block_code, t.category, t.management, t.rural_urban,
                               t.eligible_primary or t.eligible_upper_primary, t.eligible_primary, t.eligible_upper_primary, t.pincode,
                               t.latitude, t.longitude
                        from school_import_rows t left join schools s on s.udise_code = t.udise_code
                        -- only new and changed rows: ON CONFLICT would lock (and so write) every unchanged row too
                        where s.udise_code is null
                           or (s.name, s.district_code, s.block_code, s.category, s.management, s.rural_urban, s.pincode,
                               s.latitude, s.longitude)
                              is distinct from
                              (t.name, t.district_code, t.block_code, t.category, t.management,
                               coalesce(t.rural_urban, s.rural_urban), coalesce(t.pincode, s.pincode),
                               coalesce(t.latitude, s.latitude), coalesce(t.longitude, s.longitude))
                        on conflict (udise_code) do update set
                            name = excluded.name, district_code = excluded.district_code, block_code = excluded.block_code,
                            category = excluded.category, management = excluded.management,
                            rural_urban = coalesce(excluded.rural_urban, schools.rural_urban),
                            pm_poshan_eligible = excluded.pm_poshan_eligible, eligible_primary = excluded.eligible_primary,
                            eligible_upper_primary = excluded.eligible_upper_primary,
                            pincode = coalesce(excluded.pincode, schools.pincode),
                            latitude = coalesce(excluded.latitude, schools.latitude),
                            longitude = coalesce(excluded.longitude, schools.longitude), updated_at = now()
                        where (schools.name, schools.district_code, schools.block_code, schools.category, schools.management,
                               schools.rural_urban, schools.pincode, schools.latitude, schools.longitude)
                              is distinct from
                              (excluded.name, excluded.district_code, excluded.block_code, excluded.category, excluded.management,
                               coalesce(excluded.rural_urban, schools.rural_urban), coalesce(excluded.pincode, schools.pincode),
                               coalesce(excluded.latitude, schools.latitude), coalesce(excluded.longitude, schools.longitude))
                        returning udise_code, name, district_code, block_code, category, management, rural_urban,
                                  pm_poshan_eligible, latitude, longitude, kitchen_id, (xmax = 0) as inserted""")
            .query(rs -> {
                java.math.BigDecimal latitude = rs.getBigDecimal(9);
                java.math.BigDecimal longitude = rs.getBigDecimal(10);
                upserted.add(new UpsertedSchool(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                        latitude == null ? null : latitude.doubleValue(),
                        longitude == null ? null : longitude.doubleValue(), rs.getObject(11, UUID.class),
                        rs.getBoolean(12)));
            });
        return upserted;
    }

    /** Inserts or updates the chunk's enrollments for the year where they changed. */
    List<ChangedEnrollment> upsertEnrollments(String academicYear) {
        List<ChangedEnrollment> changed = new ArrayList<>();
        jdbc.sql(
                """
                        with changed as (
                            insert into enrollments (udise_code, academic_year, primary_count, upper_primary_count)
                            select t.udise_code, :year, coalesce(t.enrollment_primary, 0), coalesce(t.enrollment_upper_primary, 0)
                            from school_import_rows t
                            left join enrollments e on e.udise_code = t.udise_code and e.academic_year = :year
                            where (t.enrollment_primary is not null or t.enrollment_upper_primary is not null)
                              and (e.udise_code is null
                                   or (e.primary_count, e.upper_primary_count)
                                      <> (coalesce(t.enrollment_primary, 0), coalesce(t.enrollment_upper_primary, 0)))
                            on conflict (udise_code, academic_year) do update set
                                primary_count = excluded.primary_count, upper_primary_count = excluded.upper_primary_count,
                                updated_at = now()
                            where (enrollments.primary_count, enrollments.upper_primary_count)
                                  is distinct from (excluded.primary_count, excluded.upper_primary_count)
                            returning udise_code, primary_count, upper_primary_count)
                        select c.udise_code, c.primary_count, c.upper_primary_count, t.district_code, t.block_code
                        from changed c join school_import_rows t on t.udise_code = c.udise_code""")
            .param("year", academicYear)
            .query(rs -> {
                changed.add(new ChangedEnrollment(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)));
            });
        return changed;
    }

}
