package in.mdm.auth.user;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.platform.crypto.CryptoProperties;
import in.mdm.platform.crypto.FieldEncryption;
import in.mdm.platform.security.crypto.FieldCipher;

/**
 * Keeps the personal data of the users table encrypted with the active key: the
 * platform's {@link FieldEncryption} (start-up encryption of plain rows, key rotation in
 * batches) over the users' e-mail, phone and display name.
 */
@Service
public class UserEncryption extends FieldEncryption {

    private final UserEncryptionRepository rows;

    private final UserFields fields;

    UserEncryption(UserEncryptionRepository rows, UserFields fields, FieldCipher cipher,
            TransactionTemplate transaction, Clock clock, CryptoProperties properties) {
        super("the personal data of users", rows, cipher, transaction, clock, properties.batchSize());
        this.rows = rows;
        this.fields = fields;
    }

    @Override
    protected int encryptPlainBatch(int size) {
        List<UserEncryptionRepository.Stored> plain = rows.lockPlain(size);
        Map<UUID, UserFields.Sealed> sealed = new LinkedHashMap<>();
        for (UserEncryptionRepository.Stored row : plain) {
            sealed.put(row.id(), fields.seal(row.email(), row.phone(), row.displayName()));
        }
        rows.writeEncrypted(sealed);
        return plain.size();
    }

    @Override
    protected int reencryptBatch(String activePrefix, int size) {
        List<UserEncryptionRepository.Stored> old = rows.lockNotUnder(activePrefix, size);
        // decrypted, then written again under the active key with the indexes made anew:
        // a rotation of the index key goes with one of the active key
        Map<UUID, UserFields.Sealed> sealed = new LinkedHashMap<>();
        for (UserEncryptionRepository.Stored row : old) {
            sealed.put(row.id(),
                    fields.seal(fields.open(UserFields.EMAIL, row.email(), null),
                            fields.open(UserFields.PHONE, row.phone(), null),
                            fields.open(UserFields.DISPLAY_NAME, row.displayName(), null)));
        }
        rows.writeReencrypted(sealed);
        return old.size();
    }

}
