-- Personal data encrypted at rest, field by field (FieldCipher: AES-256-GCM, 'v1:<key id>:<base64>', the column
-- bound as associated data). Equality lookups go through blind indexes (HMAC-SHA256 under a separate key): the
-- e-mail's over its lower-cased form, the phone's over the number as stored.
-- SQL cannot encrypt with the service's keys: at start auth-service encrypts the rows whose email_enc is null in
-- batches and clears their plain columns, which stay, nullable, until every row is encrypted.
alter table users
    add column email_enc        varchar(500),
    add column phone_enc        varchar(200),
    add column display_name_enc varchar(400),
    add column email_index      varchar(64),
    add column phone_index      varchar(64),
    alter column email drop not null,
    alter column display_name drop not null,
    add constraint users_email_present check (email is not null or email_enc is not null),
    add constraint users_display_name_present check (display_name is not null or display_name_enc is not null),
    add constraint users_email_encrypted check ((email_enc is null) = (email_index is null));

-- One account per e-mail address, whatever its case: over the blind index of encrypted rows, over the plain
-- address of rows not yet encrypted.
alter index users_email_key rename to users_plain_email_key;
create unique index users_email_key on users (email_index);
create index users_by_phone on users (phone_index);
-- rows still to encrypt
create index users_to_encrypt on users (id) where email_enc is null;
