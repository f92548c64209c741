package in.mdm.platform.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.platform.security.crypto.FieldCipher;

/**
 * Keeps the encrypted columns of a table under the active key of the {@link FieldCipher}:
 * the part of start-up encryption and key rotation that is the same for every table. A
 * service extends it for its table with the two methods that read and write its rows,
 * gives it the {@link Census} of the table, and declares it as a bean.
 * <ul>
 * <li>At start ({@link #run}), rows still in plain text (from before encryption, or
 * written by hand) are encrypted in batches and their plain columns cleared
 * ({@link #encryptPlainRows()}).</li>
 * <li>Key rotation ({@link #startRotation()}): after a new key is added to the ring and
 * made active, a background job encrypts what is still plain and re-encrypts, in batches,
 * every row with a value under another key than the active one (a value whose
 * {@code v1:<key id>:} prefix is not {@link FieldCipher#activePrefix()}). Values under
 * any key of the ring stay readable meanwhile; the old key leaves the ring once
 * {@link Progress#remaining()} is 0.</li>
 * </ul>
 * Each batch is one transaction of up to {@code batchSize} rows, which the subclass locks
 * with {@code for update skip locked}: two instances may run both at once, and a process
 * that dies midway loses nothing (the committed batches stay, the rest is done by the
 * next run); running either again does nothing more.
 */
public abstract class FieldEncryption implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FieldEncryption.class);

    /**
     * Where a rotation stands.
     *
     * @param activeKey the key id values are (re-)encrypted with
     * @param running whether this instance's job is running
     * @param done rows (re-)encrypted by this instance since its job started (since
     * start, before any job)
     * @param remaining rows of the table still in plain text or with a value under
     * another key
     * @param rowsByKey encrypted rows per key id
     * @param startedAt when this instance's last job started
     * @param finishedAt when it finished
     * @param error why it stopped, when it failed
     */
    public record Progress(String activeKey, boolean running, long done, long remaining, Map<String, Long> rowsByKey,
            Instant startedAt, Instant finishedAt, String error) {
    }

    /**
     * What the table holds, for {@link #progress()}: usually the service's repository of
     * the table.
     */
    public interface Census {

        /**
         * Rows still in plain text or with a value not starting with
         * {@code activePrefix}.
         */
        long remaining(String activePrefix);

        /** Encrypted rows per key id, in key id order. */
        Map<String, Long> rowsByKey();

    }

    private final String rows;

    private final Census census;

    private final FieldCipher cipher;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final int batchSize;

    private final AtomicLong done = new AtomicLong();

    private volatile boolean stopping;

    private volatile Thread job;

    private volatile Instant startedAt;

    private volatile Instant finishedAt;

    private volatile String error;

    /**
     * @param rows what the rows hold, for the log (e.g.
     * {@code the personal data of users})
     * @param census what the table holds
     * @param batchSize rows per transaction ({@code mdm.crypto.batch-size})
     */
    protected FieldEncryption(String rows, Census census, FieldCipher cipher, TransactionTemplate transaction,
            Clock clock, int batchSize) {
        this.rows = rows;
        this.census = census;
        this.cipher = cipher;
        this.transaction = transaction;
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
    }

    /**
     * Encrypts up to {@code size} rows still in plain text that no other transaction
     * holds, and clears their plain columns; called inside a transaction.
     * @return rows encrypted, 0 when none is left
     */
    protected abstract int encryptPlainBatch(int size);

    /**
     * Re-encrypts with the active key up to {@code size} rows that no other transaction
     * holds and that have a value not starting with {@code activePrefix}; called inside a
     * transaction.
     * @return rows re-encrypted, 0 when none is left
     */
    protected abstract int reencryptBatch(String activePrefix, int size);

    /** The cipher of the table's columns. */
    protected final FieldCipher cipher() {
        return cipher;
    }

    @Override
    public void run(ApplicationArguments args) {
        int encrypted = encryptPlainRows();
        if (encrypted > 0) {
            log.info("Encrypted {} kept in plain text: {} rows", rows, encrypted);
        }
    }

    /**
     * Encrypts every row still in plain text that no other instance holds, in batches.
     * @return rows encrypted
     */
    public int encryptPlainRows() {
        return inBatches(() -> encryptPlainBatch(batchSize));
    }

    /**
     * Re-encrypts with the active key every row with a value under another key, in
     * batches.
     * @return rows re-encrypted
     */
    public int reencryptRows() {
        String activePrefix = cipher.activePrefix();
        return inBatches(() -> reencryptBatch(activePrefix, batchSize));
    }

    private int inBatches(IntSupplier batch) {
        int total = 0;
        int rowsOfBatch;
        do {
            Integer n = transaction.execute(status -> batch.getAsInt());
            rowsOfBatch = n == null ? 0 : n;
            total += rowsOfBatch;
            done.addAndGet(rowsOfBatch);
        }
        while (rowsOfBatch > 0 && !stopping);
        return total;
    }

    /**
     * Starts the rotation job in the background unless it is running already.
     * @return where it stands
     */
    public synchronized Progress startRotation() {
        if (job == null || !job.isAlive()) {
            done.set(0);
            error = null;
            finishedAt = null;
            startedAt = clock.instant();
            job = Thread.ofVirtual().name("field-key-rotation").start(this::rotate);
        }
        return progress();
    }

    private void rotate() {
        try {
            int plain = encryptPlainRows();
            int rotated = reencryptRows();
            log.info("Key rotation of {}: {} rows encrypted and {} re-encrypted with key {}", rows, plain, rotated,
                    cipher.activeKeyId());
        }
        catch (RuntimeException ex) {
            error = ex.getMessage();
            log.error("Key rotation of {} stopped", rows, ex);
        }
        finally {
            finishedAt = clock.instant();
        }
    }

    /**
     * Where the rotation stands: rows done by this instance's job, rows left in the
     * table.
     */
    public Progress progress() {
        Thread running = job;
        return new Progress(cipher.activeKeyId(), running != null && running.isAlive(), done.get(),
                census.remaining(cipher.activePrefix()), census.rowsByKey(), startedAt, finishedAt, error);
    }

    /** Stops the batches after the current one (shutdown). */
    @Override
    public void destroy() {
        stopping = true;
    }

}
