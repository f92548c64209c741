package in.mdm.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One row of the audit trail as it is stored and hashed.
 *
 * @param seq the position in the chain, from 1, without gaps
 * @param occurredAt when it was appended (microseconds, as PostgreSQL keeps it)
 * @param actor the caller's username, {@code anonymous} for an open path, {@code system}
 * outside a request
 * @param action {@code <METHOD> <path template>} for an API call, the service's own name
 * for a recorded change ({@code school.update})
 * @param method the HTTP method, or {@code null} outside a request
 * @param path the request's path, or {@code null} outside a request
 * @param status the response status of an API call, {@code null} for a recorded change
 * @param requestId the request's {@code X-Request-Id}
 * @param entityType the kind of entity changed, if known
 * @param entityId the entity's id, if known (an API call's single path variable)
 * @param before JSON of the entity before a recorded change
 * @param after JSON of the entity after a recorded change
 * @param previousHash the hash of the row before (64 zeros for the first)
 * @param hash SHA-256 of {@code previousHash} followed by {@link #canonical()}
 */
public record AuditRecord(long seq, Instant occurredAt, String actor, String action, String method, String path,
        Integer status, String requestId, String entityType, String entityId, String before, String after,
        String previousHash, String hash) {

    /** The previous hash of the first row of a chain. */
    public static final String GENESIS = "0".repeat(64);

    /**
     * The row's content as one string that no two different rows share: each field as
     * {@code <length>:<value>;}, a missing one as {@code -;}, in a fixed order.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder(256);
        field(text, Long.toString(seq));
        field(text, occurredAt.toString());
        field(text, actor);
        field(text, action);
        field(text, method);
        field(text, path);
        field(text, status == null ? null : status.toString());
        field(text, requestId);
        field(text, entityType);
        field(text, entityId);
        field(text, before);
        field(text, after);
        return text.toString();
    }

    /** The hash this row must carry given its content and previous hash. */
    public String expectedHash() {
        return hash(previousHash, canonical());
    }

    /**
     * The same content, appended at {@code seq} and {@code at} after the row whose hash
     * is {@code previousHash}.
     */
    AuditRecord chained(long seq, Instant at, String previousHash) {
        AuditRecord unhashed = new AuditRecord(seq, at, actor, action, method, path, status, requestId, entityType,
                entityId, before, after, previousHash, null);
        return new AuditRecord(seq, at, actor, action, method, path, status, requestId, entityType, entityId, before,
                after, previousHash, unhashed.expectedHash());
    }

    static String hash(String previousHash, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-;");
        }
        else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }

}
