package in.mdm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void idsAreVersion7AndSortInTheOrderTheyWereMadeEvenWithinAMillisecond() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = Ids.timeOrdered();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            made.add(id.toString());
        }
        // 100,000 ids take a few milliseconds: many share one, and still sort as made
        // (as text, as an inbox stores them)
        assertThat(made).isSortedAccordingTo(String::compareTo);
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    @Test
    void anIdBeginsWithTheTimeItWasMade() {
        long before = System.currentTimeMillis();
        UUID id = Ids.timeOrdered();
        long after = System.currentTimeMillis();
        long millis = id.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(before, after);
    }

    @Test
    void eventIdsAreTimeOrdered() {
        assertThat(DomainEvent.newId().version()).isEqualTo(7);
    }

}
