package in.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OptionsTests {

    @Test
    void defaultsAreTamilNaduTwentyDaysSeedOne() {
        Options options = Options.parse(Map.of());

        assertThat(options.state()).isEqualTo("33");
        assertThat(options.scale()).isEqualTo(1.0);
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.days()).isEqualTo(20);
        assertThat(options.out()).isEqualTo(Path.of(".run", "simulated"));
        assertThat(options.live()).isFalse();
        assertThat(options.username()).isEqualTo("admin");
        assertThat(options.concurrency()).isEqualTo(2);
        assertThat(options.importRows()).isEqualTo(20_000);
        assertThat(options.batchSize()).isEqualTo(500);
        assertThat(options.mealPath()).isEqualTo(LiveLoader.MealPath.BULK);
    }

    @Test
    void theMealPathIsBulkOrBatch() {
        assertThat(Options.parse(Map.of(), "--meal-path", "batch").mealPath()).isEqualTo(LiveLoader.MealPath.BATCH);
        assertThat(Options.parse(Map.of(), "--meal-path=BULK").mealPath()).isEqualTo(LiveLoader.MealPath.BULK);
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of(), "--meal-path", "fast"))
            .withMessageContaining("--meal-path wants bulk or batch");
        assertThat(Options.HELP).contains("--meal-path bulk|batch");
    }

    @Test
    void liveTakesThePasswordFromTheEnvironmentAndNeedsOne() {
        Options options = Options.parse(Map.of("MDM_ADMIN_PASSWORD", "pw", "MDM_ADMIN_USERNAME", "chief"), "--live",
                "--gateway=http://localhost:8380/", "--days", "15", "--end", "2026-11-20", "--scale", "2.5",
                "--concurrency", "3", "--import-rows", "1000");

        assertThat(options.password()).isEqualTo("pw");
        assertThat(options.concurrency()).isEqualTo(3);
        assertThat(options.importRows()).isEqualTo(1000);
        assertThat(options.username()).isEqualTo("chief");
        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8380"));
        assertThat(options.endOrYesterday()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(options.toString()).doesNotContain("pw,");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of(), "--live"))
            .withMessageContaining("MDM_ADMIN_PASSWORD");
    }

    @Test
    void badValuesNameTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of(), "--days", "-1"))
            .withMessageContaining("--days");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of(), "--scale", "0"))
            .withMessageContaining("--scale");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of(), "--end", "yesterday"))
            .withMessageContaining("--end");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of(), "--seed"))
            .withMessageContaining("--seed needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(Map.of(), "--fast"))
            .withMessageContaining("unknown option '--fast'");
    }

    @Test
    void helpAndUnknownStates() {
        assertThat(Generated.run("--help")).contains("--state", "--scale", "--seed", "--days", "--live", "truth.csv");
        assertThat(Geography.state("tamil nadu")).get().extracting(Geography.State::code).isEqualTo(33);
        assertThat(Geography.state("Atlantis")).isEmpty();
    }

}
