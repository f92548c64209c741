package in.mdm.deploy;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import in.mdm.events.EventCatalog;
import in.mdm.events.EventDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document the gateway serves (gateway/src/main/resources/asyncapi) against
 * the event catalog: every event type and version is a message, on a channel for its
 * topic and one for the topic's dead letters, with the record's fields as payload; and
 * nothing the catalog does not have.
 */
class AsyncApiTests {

    private static final String MESSAGE_REF = "#/components/messages/";

    private final Map<String, Object> document = Repository
        .yamlDocuments(Repository.file("gateway/src/main/resources/asyncapi/asyncapi.yaml"))
        .get(0);

    private final Map<String, EventDescriptor> catalog = new HashMap<>();

    AsyncApiTests() {
        EventCatalog.events().all().forEach((e) -> this.catalog.put(e.type(), e));
    }

    @Test
    void isAsyncApi3() {
        assertThat(this.document.get("asyncapi")).isEqualTo("3.0.0");
        assertThat(Repository.at(this.document, "info.title")).isNotNull();
    }

    @Test
    void listsEveryEventOfTheCatalogAndNothingElse() {
        Set<String> types = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> message : messages().entrySet()) {
            String type = (String) message.getValue().get("name");
            assertThat(types.add(type)).as("one message per type: " + type).isTrue();
        }
        assertThat(types).isEqualTo(new TreeSet<>(this.catalog.keySet()));
    }

    @Test
    void everyTopicAndItsDeadLetterTopicIsAChannelCarryingExactlyItsEvents() {
        Map<String, Set<String>> expected = new HashMap<>();
        for (EventDescriptor event : this.catalog.values()) {
            expected.computeIfAbsent(event.topic(), (t) -> new TreeSet<>()).add(event.type());
            expected.computeIfAbsent(event.deadLetterTopic(), (t) -> new TreeSet<>()).add(event.type());
        }
        Map<String, Set<String>> documented = new HashMap<>();
        Map<String, Map<String, Object>> messages = messages();
        for (Object channel : map(this.document.get("channels")).values()) {
            String address = (String) map(channel).get("address");
            Set<String> types = new TreeSet<>();
            for (Object reference : map(map(channel).get("messages")).values()) {
                String ref = (String) map(reference).get("$ref");
                assertThat(ref).startsWith(MESSAGE_REF);
                Map<String, Object> message = messages.get(ref.substring(MESSAGE_REF.length()));
                assertThat(message).as(address + ": " + ref).isNotNull();
                types.add((String) message.get("name"));
            }
            assertThat(documented.put(address, types)).as("one channel per address: " + address).isNull();
        }
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void everyPayloadHasTheFieldsOfItsRecord() {
        for (Map<String, Object> message : messages().values()) {
            EventDescriptor event = this.catalog.get((String) message.get("name"));
            Map<String, Object> payload = map(message.get("payload"));
            Set<String> properties = new TreeSet<>(map(payload.get("properties")).keySet());
            Set<String> components = new TreeSet<>(
                    Arrays.stream(event.eventClass().getRecordComponents()).map(RecordComponent::getName).toList());
            assertThat(properties).as(event.type() + "'s payload").isEqualTo(components);
            assertThat((List<?>) payload.get("required")).as(event.type())
                .allSatisfy((r) -> assertThat(properties).contains((String) r));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> messages() {
        return (Map<String, Map<String, Object>>) Repository.at(this.document, "components.messages");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

}
