package in.mdm.platform.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts single column values (personal data) with AES-256-GCM under a key ring.
 * <p>
 * A stored value reads {@code v1:<keyId>:<base64(nonce || ciphertext || tag)>}, with a
 * fresh 96-bit nonce per value. The key id and the caller's context (the column, e.g.
 * {@code users.email}) are bound as associated data, so a value copied into another
 * column, or relabelled with another key id, does not decrypt. New values are written
 * with the active key; a value under any key of the ring decrypts, so a key stays in the
 * ring until nothing is encrypted with it any more.
 * <p>
 * {@link #blindIndex} gives a keyed HMAC-SHA256 of a normalized value (hex) under a
 * separate index key, for equality lookups without the plain value.
 */
public final class FieldCipher {

    /** The version prefix of every stored value. */
    public static final String VERSION = "v1";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;

    private final String activeKeyId;

    private final SecretKey indexKey;

    /** The index key before the current one, while a rotation re-indexes the rows. */
    private final SecretKey previousIndexKey;

    /**
     * @param keys key id to 32-byte AES key
     * @param activeKeyId the id new values are written with; one of {@code keys}
     * @param indexKey the 32-byte (or longer) HMAC key of blind indexes
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey) {
        this(keys, activeKeyId, indexKey, null);
    }

    /**
     * A cipher during an index key rotation: indexes are written under {@code indexKey},
     * and looked up under it and {@code previousIndexKey} ({@link #blindIndexes}) until
     * the rotation has written every row again.
     * @param previousIndexKey the index key being replaced; null when none is
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey, byte[] previousIndexKey) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("The key ring is empty");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("A key id is 1 to 32 letters, digits, '_' or '-': " + id);
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("Key " + id + " is not " + KEY_BYTES + " bytes (AES-256)");
            }
            ring.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (activeKeyId == null || !ring.containsKey(activeKeyId)) {
            throw new IllegalArgumentException(
                    "The active key " + activeKeyId + " is not in the key ring " + ring.keySet());
        }
        if (indexKey == null || indexKey.length < KEY_BYTES) {
            throw new IllegalArgumentException("The index key must have at least " + KEY_BYTES + " bytes");
        }
        this.keys = Map.copyOf(ring);
        this.activeKeyId = activeKeyId;
        this.indexKey = new SecretKeySpec(indexKey.clone(), "HmacSHA256");
        if (previousIndexKey != null && previousIndexKey.length < KEY_BYTES) {
            throw new IllegalArgumentException("The previous index key must have at least " + KEY_BYTES + " bytes");
        }
        this.previousIndexKey = previousIndexKey == null || java.util.Arrays.equals(previousIndexKey, indexKey) ? null
                : new SecretKeySpec(previousIndexKey.clone(), "HmacSHA256");
    }

    /**
     * A cipher from base64 keys, the form they take in properties and the environment.
     * @param keys key id to base64 of a 32-byte key
     */
    public static FieldCipher ofBase64(Map<String, String> keys, String activeKeyId, String indexKey) {
        return ofBase64(keys, activeKeyId, indexKey, null);
    }

    /**
     * As {@link #ofBase64(Map, String, String)}, during an index key rotation.
     * @param previousIndexKey base64 of the index key being replaced; null or blank when
     * none
     */
    public static FieldCipher ofBase64(Map<String, String> keys, String activeKeyId, String indexKey,
            String previousIndexKey) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        if (keys != null) {
            keys.forEach((id, key) -> decoded.put(id, decode("key " + id, key)));
        }
        return new FieldCipher(decoded, activeKeyId, decode("the index key", indexKey),
                previousIndexKey == null || previousIndexKey.isBlank() ? null
                        : decode("the previous index key", previousIndexKey));
    }

    private static byte[] decode(String what, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(what + " is not set");
        }
        try {
            return Base64.getDecoder().decode(base64.trim());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(what + " is not base64", ex);
        }
    }

    /** The id new values are written with. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** The ids of the ring. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * The prefix of values written with the active key, {@code v1:<activeKeyId>:}: a
     * stored value without it is due for re-encryption.
     */
    public String activePrefix() {
        return VERSION + ":" + activeKeyId + ":";
    }

    /**
     * @param context where the value lives, e.g. {@code users.email}
     * @return the stored form, or null for null
     */
    public String encrypt(String context, String plain) {
        if (plain == null) {
            return null;
        }
        byte[] sealed = AesGcm.seal(keys.get(activeKeyId), plain.getBytes(StandardCharsets.UTF_8),
                associatedData(activeKeyId, context));
        return activePrefix() + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * @param context the context the value was encrypted under
     * @return the plain value, or null for null
     * @throws FieldCipherException for a value that is not ours, under an unknown key,
     * under another context, or changed
     */
    public String decrypt(String context, String stored) {
        if (stored == null) {
            return null;
        }
        String keyId = keyId(stored);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new FieldCipherException("A value is encrypted with key " + keyId + ", which is not in the ring "
                    + keys.keySet() + ": keep a key in the ring until nothing is encrypted with it");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(VERSION.length() + keyId.length() + 2));
            return new String(AesGcm.open(key, sealed, associatedData(keyId, context)), StandardCharsets.UTF_8);
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new FieldCipherException("A value of " + context + " does not decrypt with key " + keyId
                    + " (changed, or copied from another column)", ex);
        }
    }

    /**
     * Decrypts under the value's key and encrypts again under the active key (a value
     * already under the active key is returned as it is).
     */
    public String reencrypt(String context, String stored) {
        if (stored == null || stored.startsWith(activePrefix())) {
            return stored;
        }
        return encrypt(context, decrypt(context, stored));
    }

    /** The key id a stored value was written with. */
    public static String keyId(String stored) {
        int colon = stored.indexOf(':', VERSION.length() + 1);
        if (!stored.startsWith(VERSION + ":") || colon < 0) {
            throw new FieldCipherException("Not an encrypted value of version " + VERSION);
        }
        return stored.substring(VERSION.length() + 1, colon);
    }

    /**
     * HMAC-SHA256 of {@code context} and the normalized value under the index key, as 64
     * hex digits: equal for equal values of one context, unrelated across contexts. The
     * caller normalizes (e.g. lower-cases an e-mail address) the same way when writing
     * and when looking up.
     * @return null for null
     */
    public String blindIndex(String context, String normalizedValue) {
        return normalizedValue == null ? null : hmac(indexKey, context, normalizedValue);
    }

    /**
     * The indexes a lookup must try: under the index key, and under the previous one
     * while a rotation re-indexes the rows (then a row not yet written again is found
     * too).
     * @return empty for null
     */
    public java.util.List<String> blindIndexes(String context, String normalizedValue) {
        if (normalizedValue == null) {
            return java.util.List.of();
        }
        return previousIndexKey == null ? java.util.List.of(hmac(indexKey, context, normalizedValue)) : java.util.List
            .of(hmac(indexKey, context, normalizedValue), hmac(previousIndexKey, context, normalizedValue));
    }

    /** Whether an index key rotation is under way (a previous index key is set). */
    public boolean rotatingIndexKey() {
        return previousIndexKey != null;
    }

    private static String hmac(SecretKey key, String context, String normalizedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private static byte[] associatedData(String keyId, String context) {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException("A context is required");
        }
        return (VERSION + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    /** A value that cannot be decrypted. */
    public static final class FieldCipherException extends IllegalStateException {

        FieldCipherException(String message) {
            super(message);
        }

        FieldCipherException(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
