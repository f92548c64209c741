package in.mdm.school.masterdata;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads LGD districts and blocks of all of India from {@code lgd/*.csv} (see
 * {@code lgd/README.md}). A district the list gives no blocks gets one block of its own
 * ({@code 9} + district code in five digits). A Spring bean, so that Flyway finds it in
 * the packaged application too.
 */
@Component
public class V202611242011__Lgd_districts_and_blocks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Set<String> districtsWithBlocks = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into districts (code, state_code, state_name, name, name_key) values (?, ?, ?, ?, ?)")) {
            for (CSVRecord row : read("lgd/india-districts.csv")) {
                String name = row.get("District Name").strip();
                insert.setString(1, row.get("District Code").strip());
                insert.setString(2, row.get("State Code").strip());
                insert.setString(3, row.get("State Name").strip());
                insert.setString(4, name);
                insert.setString(5, NameKey.of(name));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into blocks (district_code, code, name, name_key, source) values (?, ?, ?, ?, 'LGD')
                on conflict do nothing""")) {
            for (CSVRecord row : read("lgd/india-blocks.csv")) {
                String district = row.get(3).strip();
                String name = row.get(7).strip();
                districtsWithBlocks.add(district);
                insert.setString(1, district);
                insert.setString(2, row.get(5).strip());
                insert.setString(3, name);
                insert.setString(4, NameKey.of(name));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement own = connection.prepareStatement("""
                insert into blocks (district_code, code, name, name_key, source)
                select code, '9' || lpad(code, 5, '0'), name, name_key, 'DISTRICT' from districts
                where not (code = any (?))""")) {
            own.setArray(1, connection.createArrayOf("varchar", districtsWithBlocks.toArray()));
            own.executeUpdate();
        }
    }

    private static Iterable<CSVRecord> read(String path) throws Exception {
        Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
        return CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
            .setTrim(true)
            .get()
            .parse(reader)
            .getRecords();
    }

}
