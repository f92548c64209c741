package in.mdm.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of an {@link EventConsumer} that handles one event type of the catalog. It
 * takes the event record ({@code void on(TransferApproved event)}, called once per event)
 * or a list of them ({@code void on(List<SchoolRegistered> events)}, called with
 * consecutive events of the type in a poll, in the order they arrived; write them
 * set-based). It runs inside the poll's transaction: what it writes commits with the
 * inbox, or not at all. A handler must not catch and hide failures of its own writes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface EventHandler {

}
