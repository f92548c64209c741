package in.mdm.report.job;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPropertiesTests {

    @Test
    void filesGoToTheTemporaryFolderWhenNoFolderIsSetNeverToAFolderNamedAfterAPlaceholder() {
        ReportProperties unset = new ReportProperties(null, 2, Duration.ofSeconds(1), Duration.ofMinutes(2), 2,
                Duration.ofSeconds(30), true);
        assertThat(unset.storageDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "mdm-reports"));
        assertThat(unset.storageDir().toString()).doesNotContain("${");
        ReportProperties set = new ReportProperties(Path.of("/srv/reports"), 2, Duration.ofSeconds(1),
                Duration.ofMinutes(2), 2, Duration.ofSeconds(30), true);
        assertThat(set.storageDir()).isEqualTo(Path.of("/srv/reports"));
    }

}
