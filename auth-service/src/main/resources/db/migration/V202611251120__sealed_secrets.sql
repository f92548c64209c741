-- TOTP secrets may be stored sealed (AES-GCM, base64): room for the longer form.
alter table users
    alter column mfa_secret type varchar(200),
    alter column mfa_pending_secret type varchar(200);
