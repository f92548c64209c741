-- The recipients' e-mail, phone and name (this service's copy of auth-service's users) and each delivery's address
-- encrypted at rest, field by field, as auth-service and school-service keep theirs: the platform's FieldCipher
-- (AES-256-GCM, 'v1:<key id>:<base64>', the column bound as associated data: recipients.email, recipients.phone,
-- recipients.display_name, deliveries.address). Nothing here looks a recipient up by e-mail or phone, so there is
-- no blind index.
-- SQL cannot encrypt with the service's keys: at start notification-service encrypts the rows that still hold plain
-- values, in batches, and clears the plain columns, which stay (nullable) for rows not yet encrypted.
alter table recipients
    add column email_enc        varchar(600),
    add column phone_enc        varchar(200),
    add column display_name_enc varchar(600);

alter table deliveries
    add column address_enc varchar(600);

-- rows still to encrypt (empty once every row is encrypted)
create index recipients_to_encrypt on recipients (user_id)
    where email is not null or phone is not null or display_name is not null;
create index deliveries_to_encrypt on deliveries (id)
    where address is not null;
