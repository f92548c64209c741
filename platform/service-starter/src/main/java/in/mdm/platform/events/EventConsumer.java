package in.mdm.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose {@link EventHandler} methods consume domain events from Kafka. The
 * platform subscribes it to the catalog topics of the events its handlers take, in
 * consumer group {@code <spring.application.name>.<name after the first
 * dot>} (e.g. {@code finance.school-directory} in finance-service reads as group
 * {@code finance-service.school-directory}), and records handled events in the inbox
 * under the whole name.
 * <p>
 * Each poll is one transaction: the inbox records the poll's event ids in one statement,
 * the handlers get only the new ones, and both commit together. A redelivered event is
 * dropped; an event that cannot be decoded, or whose handling fails on its own after
 * retries, goes to {@code <topic>.DLT} alone while the rest of the poll goes through; a
 * failure of the database or the transaction (the whole poll is rolled back) has the poll
 * delivered again.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventConsumer {

    /**
     * The consumer's stable name, {@code <context>.<what>}: its inbox key, and (after the
     * first dot) its group.
     */
    String value();

}
