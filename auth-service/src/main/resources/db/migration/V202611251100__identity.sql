-- Identity: where a user sits (for jurisdiction filtering of the user directory), sign-in failures and
-- locks, the second factor, single-use account tokens, signing keys, machine clients and the audit trail.

-- A user's location: a district officer has its district, a block officer its block and district, a headmaster
-- the district and block of its school (the UDISE code's digits do not say the LGD district).
alter table users
    add column district_code     varchar(6),
    add column block_code        varchar(6),
    add column udise_code        varchar(11) generated always as
        (case when jurisdiction_level = 'SCHOOL' then jurisdiction_code end) stored,
    add column failed_logins     integer not null default 0,
    add column first_failed_at   timestamp with time zone,
    add column locked_until      timestamp with time zone,
    add column password_changed_at timestamp with time zone,
    add column mfa_secret        varchar(64),
    add column mfa_pending_secret varchar(64),
    add column mfa_enabled_at    timestamp with time zone;

update users set district_code = jurisdiction_code where jurisdiction_level = 'DISTRICT';
update users set block_code = jurisdiction_code where jurisdiction_level = 'BLOCK';

alter table users
    add constraint users_district_code_format check (district_code is null or district_code ~ '^[0-9]{1,6}$'),
    add constraint users_block_code_format check (block_code is null or block_code ~ '^[0-9]{1,6}$'),
    add constraint users_district_location check (jurisdiction_level <> 'DISTRICT' or district_code = jurisdiction_code),
    add constraint users_block_location check (jurisdiction_level <> 'BLOCK' or block_code = jurisdiction_code),
    add constraint users_mfa_secret_when_enabled check (mfa_enabled_at is null or mfa_secret is not null);

create index users_by_district on users (district_code);
create index users_by_block on users (block_code);

-- Activation and password-reset tokens: only their SHA-256 is kept; each works once before it expires.
create table account_tokens
(
    token_hash varchar(64)              not null,
    user_id    uuid                     not null,
    purpose    varchar(16)              not null,
    expires_at timestamp with time zone not null,
    used_at    timestamp with time zone,
    created_at timestamp with time zone not null default now(),
    constraint account_tokens_pkey primary key (token_hash),
    constraint account_tokens_user_fkey foreign key (user_id) references users (id) on delete cascade,
    constraint account_tokens_purpose check (purpose in ('ACTIVATION', 'PASSWORD_RESET'))
);
create index account_tokens_by_user on account_tokens (user_id, purpose);

-- One-time recovery codes of the second factor (SHA-256 of each).
create table mfa_recovery_codes
(
    user_id   uuid        not null,
    code_hash varchar(64) not null,
    used_at   timestamp with time zone,
    constraint mfa_recovery_codes_pkey primary key (user_id, code_hash),
    constraint mfa_recovery_codes_user_fkey foreign key (user_id) references users (id) on delete cascade
);

-- RS256 signing keys (JWK with the private part). The one without retired_at signs; a retired key stays
-- published until the tokens it signed have expired.
create table signing_keys
(
    kid        varchar(64)              not null,
    jwk        text                     not null,
    created_at timestamp with time zone not null default now(),
    retired_at timestamp with time zone,
    constraint signing_keys_pkey primary key (kid)
);
create unique index signing_keys_one_current on signing_keys ((retired_at is null)) where retired_at is null;

-- Machine clients (treasury, UDISE) of the client-credentials grant; secrets as bcrypt hashes.
create table machine_clients
(
    client_id   varchar(64)              not null,
    secret_hash varchar(100)             not null,
    scopes      varchar(500)             not null,
    description varchar(200),
    enabled     boolean                  not null default true,
    created_at  timestamp with time zone not null default now(),
    updated_at  timestamp with time zone not null default now(),
    constraint machine_clients_pkey primary key (client_id),
    constraint machine_clients_id_format check (client_id ~ '^[a-z][a-z0-9._-]{2,63}$')
);

-- Who did what, when, from where, with which outcome: sign-ins, locks, refreshes, sign-outs, password changes.
create table audit_events
(
    id          bigint generated always as identity,
    occurred_at timestamp with time zone not null default now(),
    user_id     uuid,
    username    varchar(254),
    action      varchar(32)              not null,
    outcome     varchar(16)              not null,
    address     varchar(64),
    detail      varchar(255),
    constraint audit_events_pkey primary key (id),
    constraint audit_events_outcome check (outcome in ('SUCCESS', 'FAILURE'))
);
create index audit_events_by_time on audit_events (occurred_at desc, id desc);
create index audit_events_by_user on audit_events (user_id, occurred_at desc);
