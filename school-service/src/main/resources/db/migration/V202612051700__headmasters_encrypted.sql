-- Headmasters' name and phone number encrypted at rest, field by field (the platform's FieldCipher: AES-256-GCM,
-- 'v1:<key id>:<base64>', the column bound as associated data: schools.headmaster_name, schools.headmaster_phone).
-- Lookups by phone go through a blind index: HMAC-SHA256 under a separate key of the number in its normalized
-- form (+91 and the ten digits for an Indian number, HeadmasterFields.normalizePhone).
-- SQL cannot encrypt with the service's keys: at start school-service encrypts the rows that still hold a plain
-- name or phone, in batches, and clears the plain columns, which stay (nullable) for rows not yet encrypted.
alter table schools
    add column headmaster_name_enc    varchar(600),
    add column headmaster_phone_enc   varchar(200),
    add column headmaster_phone_index varchar(64);

-- the list's search by phone (GET /api/v1/schools?headmasterPhone=)
create index schools_by_headmaster_phone on schools (headmaster_phone_index);
-- rows still to encrypt (empty once every row is encrypted)
create index schools_headmaster_to_encrypt on schools (udise_code)
    where headmaster_name is not null or headmaster_phone is not null;
