package in.mdm.notification.privacy;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import in.mdm.platform.crypto.CryptoProperties;
import in.mdm.platform.crypto.FieldEncryption;
import in.mdm.platform.security.crypto.FieldCipher;

/**
 * Keeps the recipients' e-mail, phone and name and the deliveries' addresses encrypted
 * with the active key: the platform's {@link FieldEncryption} (at start, rows still
 * holding plain values are encrypted in batches and their plain columns cleared; key
 * rotation in batches) over both tables, recipients first.
 */
@Service
public class PersonalDataEncryption extends FieldEncryption {

    private final PersonalDataRepository rows;

    private final PersonalFields fields;

    PersonalDataEncryption(PersonalDataRepository rows, PersonalFields fields, FieldCipher cipher,
            TransactionTemplate transaction, Clock clock, CryptoProperties properties) {
        super("the recipients' and deliveries' personal data", rows, cipher, transaction, clock,
                properties.batchSize());
        this.rows = rows;
        this.fields = fields;
    }

    @Override
    protected int encryptPlainBatch(int size) {
        List<PersonalDataRepository.Recipient> recipients = rows.lockPlainRecipients(size);
        rows.writeRecipients(recipients.stream()
            .map(row -> new PersonalDataRepository.Recipient(row.userId(),
                    fields.seal(PersonalFields.EMAIL, row.email()), fields.seal(PersonalFields.PHONE, row.phone()),
                    fields.seal(PersonalFields.NAME, row.name())))
            .toList());
        if (recipients.size() == size) {
            return size;
        }
        List<PersonalDataRepository.Delivery> deliveries = rows.lockPlainDeliveries(size - recipients.size());
        rows.writeDeliveries(deliveries.stream()
            .map(row -> new PersonalDataRepository.Delivery(row.id(),
                    fields.seal(PersonalFields.ADDRESS, row.address())))
            .toList());
        return recipients.size() + deliveries.size();
    }

    @Override
    protected int reencryptBatch(String activePrefix, int size) {
        List<PersonalDataRepository.Recipient> recipients = rows.lockRecipientsNotUnder(activePrefix, size);
        rows.writeRecipients(recipients.stream()
            .map(row -> new PersonalDataRepository.Recipient(row.userId(),
                    fields.reencrypt(PersonalFields.EMAIL, row.email()),
                    fields.reencrypt(PersonalFields.PHONE, row.phone()),
                    fields.reencrypt(PersonalFields.NAME, row.name())))
            .toList());
        if (recipients.size() == size) {
            return size;
        }
        List<PersonalDataRepository.Delivery> deliveries = rows.lockDeliveriesNotUnder(activePrefix,
                size - recipients.size());
        rows.writeDeliveries(deliveries.stream()
            .map(row -> new PersonalDataRepository.Delivery(row.id(),
                    fields.reencrypt(PersonalFields.ADDRESS, row.address())))
            .toList());
        return recipients.size() + deliveries.size();
    }

}
