package in.mdm.auth.user;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the personal data of the users table encrypted with the active key.
 * <ul>
 * <li>At start, rows still in plain text (from before encryption) are encrypted in
 * batches and their plain columns cleared ({@link #encryptPlainRows()}).</li>
 * <li>Key rotation ({@link #startRotation()}): after a new key is added to the ring and
 * made active, a background job re-encrypts, in batches, every row with a value under
 * another key. Values under any key of the ring stay readable meanwhile; the old key
 * leaves the ring once {@link Rotation#remaining()} is 0.</li>
 * </ul>
 * Each batch is one transaction over rows locked with {@code for update skip locked}, so
 * two instances may run both at once; running either again does nothing more.
 */
@Service
public class UserEncryption implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(UserEncryption.class);

    /** Where a rotation stands. */
    record Rotation(String activeKey, boolean running, long done, long remaining, Map<String, Long> rowsByKey,
            Instant startedAt, Instant finishedAt, String error) {
    }

    private final UserEncryptionRepository rows;

    private final UserFields fields;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final int batchSize;

    private final AtomicLong done = new AtomicLong();

    private volatile boolean stopping;

    private volatile Thread job;

    private volatile Instant startedAt;

    private volatile Instant finishedAt;

    private volatile String error;

    UserEncryption(UserEncryptionRepository rows, UserFields fields, TransactionTemplate transaction, Clock clock,
            CryptoProperties properties) {
        this.rows = rows;
        this.fields = fields;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = Math.max(1, properties.batchSize());
    }

    @Override
    public void run(ApplicationArguments args) {
        int encrypted = encryptPlainRows();
        if (encrypted > 0) {
            log.info("Encrypted the personal data of {} users kept in plain text", encrypted);
        }
    }

    /**
     * Encrypts every row still in plain text that no other instance holds, in batches.
     * @return rows encrypted
     */
    public int encryptPlainRows() {
        int total = 0;
        int batch;
        do {
            batch = transaction.execute(status -> encryptPlainBatch());
            total += batch;
            done.addAndGet(batch);
        }
        while (batch > 0 && !stopping);
        return total;
    }

    private int encryptPlainBatch() {
        List<UserEncryptionRepository.Stored> plain = rows.lockPlain(batchSize);
        Map<UUID, UserFields.Sealed> sealed = new LinkedHashMap<>();
        for (UserEncryptionRepository.Stored row : plain) {
            sealed.put(row.id(), fields.seal(row.email(), row.phone(), row.displayName()));
        }
        rows.writeEncrypted(sealed);
        return plain.size();
    }

    /**
     * Re-encrypts every row with a value under another key than the active one, in
     * batches.
     * @return rows re-encrypted
     */
    int reencryptRows() {
        int total = 0;
        int batch;
        do {
            batch = transaction.execute(status -> reencryptBatch());
            total += batch;
            done.addAndGet(batch);
        }
        while (batch > 0 && !stopping);
        return total;
    }

    private int reencryptBatch() {
        List<UserEncryptionRepository.Stored> old = rows.lockNotUnder(fields.activePrefix(), batchSize);
        rows.writeReencrypted(old.stream()
            .map(row -> new UserEncryptionRepository.Stored(row.id(), fields.reencrypt(UserFields.EMAIL, row.email()),
                    fields.reencrypt(UserFields.PHONE, row.phone()),
                    fields.reencrypt(UserFields.DISPLAY_NAME, row.displayName())))
            .toList());
        return old.size();
    }

    /**
     * Starts the rotation job in the background unless it is running already.
     * @return where it stands
     */
    synchronized Rotation startRotation() {
        if (job == null || !job.isAlive()) {
            done.set(0);
            error = null;
            finishedAt = null;
            startedAt = clock.instant();
            job = Thread.ofVirtual().name("field-key-rotation").start(this::rotate);
        }
        return rotation();
    }

    private void rotate() {
        try {
            int plain = encryptPlainRows();
            int rotated = reencryptRows();
            log.info("Key rotation: {} rows encrypted and {} re-encrypted with key {}", plain, rotated,
                    fields.activeKeyId());
        }
        catch (RuntimeException ex) {
            error = ex.getMessage();
            log.error("Key rotation stopped", ex);
        }
        finally {
            finishedAt = clock.instant();
        }
    }

    /**
     * Where the rotation stands: rows done by this instance's job, rows left in the
     * table.
     */
    Rotation rotation() {
        Thread running = job;
        return new Rotation(fields.activeKeyId(), running != null && running.isAlive(), done.get(),
                rows.remaining(fields.activePrefix()), rows.rowsByKey(), startedAt, finishedAt, error);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

}
