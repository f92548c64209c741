package in.mdm.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature outside systems put on the webhooks they call (SMS/IVRS gateways, the
 * treasury): a header {@code sha256=<hex of the HMAC-SHA256 of the raw body>} under a
 * shared secret. Compared in constant time; with no secret configured nothing matches, so
 * an unconfigured webhook refuses every call.
 */
public final class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;

    public WebhookSignature(String secret) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a secret is configured. */
    public boolean configured() {
        return secret.length > 0;
    }

    /**
     * Whether {@code header} is {@code sha256=<hex>} of the body under the secret (case
     * of the hex ignored).
     */
    public boolean matches(byte[] body, String header) {
        if (!configured() || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip().toLowerCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        return MessageDigest.isEqual(sign(body), given);
    }

    /** The header value for a body: {@code sha256=<hex>}. */
    public String header(byte[] body) {
        return PREFIX + HexFormat.of().formatHex(sign(body));
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(configured() ? secret : new byte[1], ALGORITHM));
            return mac.doFinal(body);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
