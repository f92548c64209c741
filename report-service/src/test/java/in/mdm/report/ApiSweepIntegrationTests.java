package in.mdm.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.platform.directory.SchoolLocations;
import in.mdm.testkit.ApiSweepContract;
import in.mdm.testkit.JurisdictionSweep;
import in.mdm.testkit.MdmIntegrationTest;
import in.mdm.testkit.TestTokens;

/**
 * Every operation report-service documents: 401 without a token, 400 problems for
 * parameters and bodies that are not what it documents, never a 5xx; another area's
 * report, its download and a report or KPIs asked for on another area are a 404 to every
 * caller outside it, and to a caller inside it whose jurisdiction is narrower than the
 * report's scope. The scope ({@code scope} and {@code code}) is checked by
 * {@code ReportJobService.checkedScope}, the condition every read of a report uses.
 */
@MdmIntegrationTest
class ApiSweepIntegrationTests extends ApiSweepContract {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchoolLocations locations;

    @Override
    protected JurisdictionSweep areaData(JurisdictionSweep sweep) {
        // a school of Chennai (district 568, block 6301) places the block in the district
        locations.record("33020100101", "568", "6301", Instant.now(), UUID.randomUUID());
        // a READY report of district 568, its file on disk, so that its owner downloads
        // it
        UUID report = UUID.randomUUID();
        Path file;
        try {
            file = Files.createTempFile("sweep-" + report, ".csv");
            Files.writeString(file, "district,meals\n568,1200\n", StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        file.toFile().deleteOnExit();
        Instant requested = Instant.now().minusSeconds(120);
        jdbc.sql("""
                insert into report_jobs (id, report_type, format, scope_level, scope_code, period_from, period_to,
                                         status, requested_by, requested_at, started_at, completed_at, progress,
                                         file_path, media_type, file_name)
                values (:id, 'PERFORMANCE', 'CSV', 'DISTRICT', '568', :from, :to, 'READY', 'deo.568', :requestedAt,
                        :startedAt, :completedAt, 100, :file, 'text/csv', 'performance-568.csv')""")
            .param("id", report)
            .param("from", LocalDate.parse("2026-11-01"))
            .param("to", LocalDate.parse("2026-11-30"))
            .param("requestedAt", Timestamp.from(requested))
            .param("startedAt", Timestamp.from(requested.plusSeconds(30)))
            .param("completedAt", Timestamp.from(requested.plusSeconds(60)))
            .param("file", file.toString())
            .update();
        return sweep.outsider("Coimbatore's officer", TestTokens.officer("569"))
            .outsider("the officer of block 6302 in the same district", TestTokens.blockOfficer("6302"))
            .outsider("another school's headmaster", TestTokens.school("33020200201"))
            // inside the area but narrower: a report or KPIs of the district (block)
            // would
            // show it other schools' data (a list's area filter would let it through)
            .outsider("the headmaster of a school of block 6301", TestTokens.school("33020100101"))
            .value("id", report.toString())
            // a report queued on the district, the KPIs of one of its blocks
            .value("type", "PERFORMANCE")
            .value("GET /api/v1/reports/generate", "scope", "DISTRICT")
            .value("GET /api/v1/reports/generate", "code", "568")
            .value("GET /api/v1/reports/kpis", "scope", "BLOCK")
            .value("GET /api/v1/reports/kpis", "code", "6301");
    }

}
