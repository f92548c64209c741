package in.mdm.school.school;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.platform.crypto.CryptoProperties;
import in.mdm.platform.crypto.FieldEncryption;
import in.mdm.platform.security.crypto.FieldCipher;

/**
 * Keeps the headmasters' names and phones encrypted with the active key: the platform's
 * {@link FieldEncryption} (at start, schools still holding a plain name or phone are
 * encrypted in batches and their plain columns cleared; key rotation in batches) over the
 * schools table. Neither changes what the API answers, so the schools cache stays as it
 * is.
 */
@Service
public class HeadmasterEncryption extends FieldEncryption {

    private final HeadmasterEncryptionRepository rows;

    private final HeadmasterFields fields;

    HeadmasterEncryption(HeadmasterEncryptionRepository rows, HeadmasterFields fields, FieldCipher cipher,
            TransactionTemplate transaction, Clock clock, CryptoProperties properties) {
        super("the headmasters of schools", rows, cipher, transaction, clock, properties.batchSize());
        this.rows = rows;
        this.fields = fields;
    }

    @Override
    protected int encryptPlainBatch(int size) {
        List<HeadmasterEncryptionRepository.Stored> plain = rows.lockPlain(size);
        rows.writeEncrypted(plain.stream()
            .map(row -> new HeadmasterEncryptionRepository.Encrypted(row.udiseCode(),
                    fields.encrypt(HeadmasterFields.NAME, row.name()),
                    fields.encrypt(HeadmasterFields.PHONE, row.phone()), fields.phoneIndex(row.phone())))
            .toList());
        return plain.size();
    }

    @Override
    protected int reencryptBatch(String activePrefix, int size) {
        List<HeadmasterEncryptionRepository.Stored> old = rows.lockNotUnder(activePrefix, size);
        // the phone's index made anew: a rotation of the index key goes with one of the
        // active key
        rows.writeReencrypted(old.stream()
            .map(row -> new HeadmasterEncryptionRepository.Encrypted(row.udiseCode(),
                    fields.reencrypt(HeadmasterFields.NAME, row.name()),
                    fields.reencrypt(HeadmasterFields.PHONE, row.phone()),
                    fields.phoneIndex(fields.openPhone(row.phone()))))
            .toList());
        return old.size();
    }

}
