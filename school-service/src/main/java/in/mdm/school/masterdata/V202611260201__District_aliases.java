package in.mdm.school.masterdata;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the district aliases of {@code lgd/district-aliases.csv} (see
 * {@code lgd/README.md}): one row per other name of an LGD district, with where the name
 * comes from. The state is the district's own. A Spring bean, so that Flyway finds it in
 * the packaged application too.
 */
@Component
public class V202611260201__District_aliases extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Reader reader = new InputStreamReader(new ClassPathResource("lgd/district-aliases.csv").getInputStream(),
                StandardCharsets.UTF_8); PreparedStatement insert = context.getConnection().prepareStatement("""
                        insert into district_aliases (district_code, state_code, alias, alias_key, source, created_by)
                        select code, state_code, ?, ?, ?, 'migration' from districts where code = ?
                        on conflict do nothing""")) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .get()
                .parse(reader)) {
                String alias = row.get("alias");
                insert.setString(1, alias);
                insert.setString(2, NameKey.of(alias));
                insert.setString(3, row.get("source"));
                insert.setString(4, row.get("district_code"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

}
