package in.mdm.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The wire contract of an event record: its stable CloudEvents type
 * ({@code in.mdm.<context>.<Event>.v<n>}) and the Kafka topic
 * ({@code mdm.<context>.<stream>}) it is published to. Java class names never travel on
 * the wire; renaming a record keeps the contract, changing its meaning needs a new
 * version.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {

    String type();

    String topic();

}
