package in.mdm.platform.events;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Puts a record that cannot be handled on {@code <topic>.DLT}: same key, value and
 * headers, plus the headers Spring Kafka's dead-letter recoverer writes (original topic,
 * partition, offset, the exception), and waits for the acknowledgement, so the consumer
 * commits past the record only once it is safe in the dead-letter topic.
 */
public class DeadLetters {

    private final KafkaOperations<String, byte[]> kafka;

    private final Duration timeout;

    public DeadLetters(KafkaOperations<String, byte[]> kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    public static String topicFor(String topic) {
        return topic + ".DLT";
    }

    /**
     * Sends the record to its dead-letter topic; throws if Kafka does not acknowledge it
     * in time.
     */
    public void send(ConsumerRecord<String, byte[]> record, Throwable cause) {
        Headers headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(record.topic()));
        headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array());
        headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(record.timestamp()).array());
        headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes(cause.getClass().getName()));
        headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(String.valueOf(cause.getMessage())));
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, bytes(trace.toString()));
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topicFor(record.topic()), null, record.key(),
                record.value(), headers);
        try {
            kafka.send(dead).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "Interrupted while dead-lettering " + record.topic() + "@" + record.offset(), ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new DeadLetterException("Could not dead-letter " + record.topic() + "@" + record.offset(), ex);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The dead-letter topic did not take the record; the poll must be delivered again.
     */
    public static final class DeadLetterException extends RuntimeException {

        DeadLetterException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
