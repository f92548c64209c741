package in.mdm.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTests {

    @Test
    void quotedCellsKeepTheirCommasAndDoubledQuotesAndEmptyCellsStay(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schools.csv");
        Files.writeString(file, """
                udise_code,school_name,district_code,note
                33010101003,"Panchayat Union Primary School, Nagarsamudram",610,
                33010101005,"The ""Model"" School",610,x
                """);
        assertThat(CsvRows.header(file)).containsExactly("udise_code", "school_name", "district_code", "note");
        var rows = CsvRows.read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("33010101003", "Panchayat Union Primary School, Nagarsamudram", "610",
                "");
        assertThat(rows.get(1)).containsExactly("33010101005", "The \"Model\" School", "610", "x");
    }

}
