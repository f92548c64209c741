package in.mdm.notification.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageTests {

    @Test
    void onlyCriticalIsUrgentAndAlertSeveritiesFallIntoThreeClasses() {
        assertThat(Message.severity("CRITICAL")).isEqualTo("CRITICAL");
        assertThat(Message.severity("critical")).isEqualTo("CRITICAL");
        assertThat(Message.severity("HIGH")).isEqualTo("WARNING");
        assertThat(Message.severity("MEDIUM")).isEqualTo("WARNING");
        assertThat(Message.severity("LOW")).isEqualTo("INFO");
        assertThat(Message.severity(null)).isEqualTo("WARNING");
        assertThat(new Message("x.y", "WARNING", null, null, java.util.Map.of(), java.util.Set.of(), false).urgent())
            .isFalse();
        assertThat(new Message("x.y", "INFO", null, null, java.util.Map.of(), java.util.Set.of(), true).urgent())
            .isTrue();
    }

}
