import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import in.mdm.events.CloudEventCodec;
import in.mdm.events.EventCatalog;
import in.mdm.events.school.SchoolRegistered;
import in.mdm.events.school.SchoolTopics;
import in.mdm.platform.testapp.ProbeRuns;
import in.mdm.testkit.KafkaServer;

/**
 * Times the platform's batched consumption: SchoolRegistered events into school_locations, the consumer every service
 * that filters by jurisdiction runs ({@code mdm.school-locations.enabled=true}), on a service built on the starter
 * (the test application), a real PostgreSQL 17 and a Kafka broker of its own.
 * <ol>
 * <li>the service starts with an empty topic and its consumer joins its group;</li>
 * <li>N events (default 55,000, Tamil Nadu's school list) are produced as fast as the producer goes;</li>
 * <li>the bench polls school_locations until it holds N rows, and prints the time from the first event produced and
 * from the first row written;</li>
 * <li>then the same N events again (new offsets, same event ids: what a producer's resend delivers), timed until the
 * consumer group has no lag, every one dropped by the inbox.</li>
 * </ol>
 */
public class ConsumerBench {

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 55_000;
        CloudEventCodec codec = new CloudEventCodec(EventCatalog.events(), URI.create("urn:mdm:bench"));
        List<SchoolRegistered> schools = new ArrayList<>(events);
        Instant now = Instant.now();
        for (int i = 0; i < events; i++) {
            // 38 districts of about 1,450 schools, 10 blocks each
            int district = i / 1450;
            String udise = "33" + String.format("%02d", district % 100) + String.format("%07d", i);
            schools.add(new SchoolRegistered(UUID.randomUUID(), now.plusNanos(i), udise, "School " + i,
                    String.valueOf(560 + district), String.valueOf(6000 + district * 10 + (i % 10)), "PRIMARY",
                    "GOVERNMENT", "RURAL", true));
        }
        try (KafkaServer kafka = ProbeRuns.ownBroker(SchoolTopics.SCHOOLS, SchoolTopics.SCHOOLS + ".DLT");
                ConfigurableApplicationContext service = ProbeRuns.start(kafka.bootstrapServers(),
                        List.of("--mdm.school-locations.enabled=true", "--logging.level.root=WARN"))) {
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            Thread.sleep(5000);   // the consumer joins its group and is assigned the partitions

            System.out.printf("consumer bench: %,d SchoolRegistered, %d partitions, consumer max.poll.records %s%n", events, 3,
                    service.getEnvironment().getProperty("mdm.events.consumer.max-poll-records", "2000"));
            long produced = produce(kafka.bootstrapServers(), codec, schools);
            long start = System.nanoTime();
            long firstRow = 0;
            long rows = 0;
            while (rows < events) {
                rows = jdbc.sql("select count(*) from school_locations").query(Long.class).single();
                if (firstRow == 0 && rows > 0) {
                    firstRow = System.nanoTime();
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("only " + rows + " rows after 10 minutes");
                }
                Thread.sleep(20);
            }
            long end = System.nanoTime();
            System.out.printf("first delivery: produced in %.2f s; all %,d rows %.2f s after producing began "
                    + "(%,.0f events/s); %.2f s from the first row to the last (%,.0f events/s)%n",
                    produced / 1e9, events, (end - start + produced) / 1e9, events / ((end - start + produced) / 1e9),
                    (end - firstRow) / 1e9, events / ((end - firstRow) / 1e9));

            long handled = processed(jdbc);
            long againProduced = produce(kafka.bootstrapServers(), codec, schools);
            long againStart = System.nanoTime();
            try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                    Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                while (lag(admin, "probe-service.school-locations") > 0) {
                    Thread.sleep(20);
                }
            }
            long againEnd = System.nanoTime();
            System.out.printf("redelivery of the same %,d events: produced in %.2f s, consumed %.2f s after producing "
                    + "began (%,.0f events/s); inbox rows added: %d, school_locations rows: %d%n", events,
                    againProduced / 1e9, (againEnd - againStart + againProduced) / 1e9,
                    events / ((againEnd - againStart + againProduced) / 1e9), processed(jdbc) - handled,
                    jdbc.sql("select count(*) from school_locations").query(Long.class).single());
        }
    }

    private static long processed(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from processed_events").query(Long.class).single();
    }

    private static long lag(org.apache.kafka.clients.admin.Admin admin, String group) throws Exception {
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(p -> p,
                p -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (var entry : committed.entrySet()) {
            lag += latest.get(entry.getKey()).offset() - (entry.getValue() == null ? 0 : entry.getValue().offset());
        }
        return committed.isEmpty() ? 1 : lag;
    }

    private static long produce(String bootstrap, CloudEventCodec codec, List<SchoolRegistered> schools) throws Exception {
        long start = System.nanoTime();
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "linger.ms", "5", "batch.size", "262144", "acks", "all"), new StringSerializer(), new CloudEventSerializer())) {
            List<Future<?>> sent = new ArrayList<>(schools.size());
            for (SchoolRegistered school : schools) {
                sent.add(producer.send(new ProducerRecord<>(SchoolTopics.SCHOOLS, school.aggregateId(), codec.encode(school))));
            }
            for (Future<?> one : sent) {
                one.get(60, TimeUnit.SECONDS);
            }
        }
        return System.nanoTime() - start;
    }
}
