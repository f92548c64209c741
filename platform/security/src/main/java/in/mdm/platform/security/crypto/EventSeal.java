package in.mdm.platform.security.crypto;

import in.mdm.events.DomainEvent;
import in.mdm.events.EventCatalog;

/**
 * Personal data and secrets inside domain events, sealed with the service's
 * {@link FieldCipher} so that the broker's log holds none of them in plain: an e-mail
 * address, a phone number, a name, an activation or reset token. A sealed value reads
 * {@code sealed:v1:<key id>:<base64>}, bound to its event type and field (a value copied
 * into another field or event does not open). Producer and consumer share the key ring
 * ({@code MDM_CRYPTO_KEYS_*}); a key stays in the ring until the topics' retention has
 * dropped every event sealed with it.
 */
public final class EventSeal {

    /** What a sealed value begins with. */
    public static final String PREFIX = "sealed:";

    private final FieldCipher cipher;

    public EventSeal(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /**
     * @param eventType the event's stable type, e.g.
     * {@code in.mdm.auth.UserRegistered.v1}
     * @param field the field's name in the event
     * @return the sealed value; null for null
     */
    public String seal(String eventType, String field, String plain) {
        return plain == null ? null : PREFIX + cipher.encrypt(context(eventType, field), plain);
    }

    /**
     * {@link #seal(String, String, String)} under the type the catalog gives the event.
     */
    public String seal(Class<? extends DomainEvent> event, String field, String plain) {
        return seal(typeOf(event), field, plain);
    }

    /**
     * {@link #open(String, String, String)} under the type the catalog gives the event.
     */
    public String open(Class<? extends DomainEvent> event, String field, String value) {
        return open(typeOf(event), field, value);
    }

    private static String typeOf(Class<? extends DomainEvent> event) {
        return EventCatalog.events().forClass(event).type();
    }

    /**
     * The plain value of a sealed one; a value without the prefix (an event written
     * before its fields were sealed) as it is.
     * @throws FieldCipher.FieldCipherException for a sealed value that does not open: an
     * unknown key, another event's or field's value, or a changed one
     */
    public String open(String eventType, String field, String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return value;
        }
        return cipher.decrypt(context(eventType, field), value.substring(PREFIX.length()));
    }

    /** Whether a value is sealed. */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private static String context(String eventType, String field) {
        return "event:" + eventType + "#" + field;
    }

}
