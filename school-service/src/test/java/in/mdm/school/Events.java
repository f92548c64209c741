package in.mdm.school;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import in.mdm.testkit.KafkaProbe;

/** Events of one type and key on the test broker. */
public final class Events {

    private Events() {
    }

    public static List<ConsumerRecord<String, byte[]>> of(String topic, String key, String type) {
        return KafkaProbe.onTestBroker()
            .readAll(topic, Duration.ofSeconds(3))
            .stream()
            .filter(r -> key.equals(r.key()))
            .filter(r -> {
                Header header = r.headers().lastHeader("ce_type");
                return header != null && new String(header.value(), StandardCharsets.UTF_8).equals(type);
            })
            .toList();
    }

}
