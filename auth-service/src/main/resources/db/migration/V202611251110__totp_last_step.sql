-- The last TOTP time step a user signed in with: a code works once, even within its 30-second window.
alter table users add column mfa_last_step bigint;
