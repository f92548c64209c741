package in.mdm.auth.token;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.security.SecureRandom;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import in.mdm.platform.security.TokenChecks;

/**
 * The RS256 keys auth-service signs with, kept in its database (generated at first start;
 * nothing in the repository). One key signs; after a rotation the previous one stays
 * published (JWKS) and accepted until the tokens it signed have expired. Several replicas
 * share the table: each re-reads it every 30 s and at once when a token names a
 * {@code kid} it does not know.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private static final long RELOAD_MILLIS = 30_000;

    private static final long MISS_RELOAD_MILLIS = 5_000;

    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final SigningKeyRepository keys;

    private final TokenProperties properties;

    private final Clock clock;

    private final SecretBox box;

    private final SecureRandom random = new SecureRandom();

    private volatile Snapshot snapshot;

    private record StoredKey(RSAKey key, Instant createdAt, Instant retiredAt) {
    }

    private record Snapshot(RSAKey current, List<StoredKey> all, long loadedAt) {
    }

    /** A key as the key list shows it (no key material). */
    public record KeyInfo(String kid, Instant createdAt, Instant retiredAt, boolean current) {
    }

    SigningKeys(SigningKeyRepository keys, TokenProperties properties, Clock clock, SecretBox box) {
        this.box = box;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Snapshot loaded = reload();
        if (loaded.current() == null) {
            createFirst();
        }
        else if (!properties.keyRotateAfter().isZero()) {
            StoredKey current = loaded.all().stream().filter(k -> k.retiredAt() == null).findFirst().orElseThrow();
            if (current.createdAt().plus(properties.keyRotateAfter()).isBefore(clock.instant())) {
                log.info("Signing key {} is older than {}: rotating", current.key().getKeyID(),
                        properties.keyRotateAfter());
                try {
                    rotate();
                }
                catch (DuplicateKeyException anotherReplicaRotated) {
                    log.info("Another replica rotated the signing key at the same time");
                    reload();
                }
            }
        }
    }

    /** The key that signs now. */
    RSAKey current() {
        Snapshot s = snapshot;
        if (s == null || s.current() == null || clock.millis() - s.loadedAt() > RELOAD_MILLIS) {
            s = reload();
            if (s.current() == null) {
                createFirst();
                s = snapshot;
            }
        }
        return s.current();
    }

    /**
     * The public keys that verify tokens: the signing one and retired ones whose tokens
     * may still be valid.
     */
    public JWKSet publicKeys() {
        Snapshot s = snapshot;
        if (s == null || clock.millis() - s.loadedAt() > RELOAD_MILLIS) {
            s = reload();
        }
        Instant stillValid = clock.instant().minus(retiredKeyLife());
        return new JWKSet(s.all()
            .stream()
            .filter(k -> k.retiredAt() == null || k.retiredAt().isAfter(stillValid))
            .map(k -> (JWK) k.key().toPublicJWK())
            .toList());
    }

    /**
     * The public keys, re-read from the database first if none has this {@code kid} (at
     * most every 5 s).
     */
    JWKSet publicKeysWith(String kid) {
        JWKSet set = publicKeys();
        if (kid != null && set.getKeyByKeyId(kid) == null
                && clock.millis() - snapshot.loadedAt() > MISS_RELOAD_MILLIS) {
            reload();
            set = publicKeys();
        }
        return set;
    }

    public List<KeyInfo> list() {
        return reload().all()
            .stream()
            .map(k -> new KeyInfo(k.key().getKeyID(), k.createdAt(), k.retiredAt(), k.retiredAt() == null))
            .toList();
    }

    /**
     * A new key signs from now on; the previous one is retired but stays published until
     * the tokens it signed have expired; keys retired longer ago than that are deleted.
     * @return the new key's {@code kid}
     */
    @Transactional
    public String rotate() {
        Instant now = clock.instant();
        keys.retireCurrent(now);
        RSAKey key = generate(now);
        insert(key, now);
        keys.deleteRetiredBefore(now.minus(retiredKeyLife()));
        snapshot = null;
        log.info("Signing key rotated: {} signs from now on", key.getKeyID());
        return key.getKeyID();
    }

    /**
     * How long a retired key stays published: the last token it signed may live this
     * long.
     */
    private java.time.Duration retiredKeyLife() {
        return properties.accessTokenTtl().plus(TokenChecks.CLOCK_SKEW).plusSeconds(60);
    }

    private void createFirst() {
        Instant now = clock.instant();
        RSAKey key = generate(now);
        try {
            insert(key, now);
            log.info("Generated the first signing key {}", key.getKeyID());
        }
        catch (DuplicateKeyException anotherReplicaWasFaster) {
            log.debug("Another replica created the first signing key");
        }
        reload();
    }

    private void insert(RSAKey key, Instant now) {
        keys.insert(key.getKeyID(), box.seal(key.toJSONString()), now);
    }

    private synchronized Snapshot reload() {
        List<StoredKey> stored = keys.all()
            .stream()
            .map(k -> new StoredKey(parse(box.open(k.sealedJwk())), k.createdAt(), k.retiredAt()))
            .toList();
        RSAKey current = stored.stream()
            .filter(k -> k.retiredAt() == null)
            .map(StoredKey::key)
            .findFirst()
            .orElse(null);
        Snapshot s = new Snapshot(current, stored, clock.millis());
        snapshot = s;
        return s;
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        }
        catch (ParseException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }

    private RSAKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            var pair = generator.generateKeyPair();
            byte[] suffix = new byte[4];
            random.nextBytes(suffix);
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID("mdm-" + KID_DATE.format(now) + "-" + HexFormat.of().formatHex(suffix))
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
