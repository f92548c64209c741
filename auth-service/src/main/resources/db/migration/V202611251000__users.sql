-- People who use the twin: state administrators, district or block officers and headmasters.
-- A user's jurisdiction follows from the role: ADMIN the state, OFFICER a district or block (LGD code),
-- SCHOOL one school (UDISE code).
create table users
(
    id                 uuid         not null,
    username           varchar(64)  not null,
    email              varchar(254) not null,
    phone              varchar(13),
    display_name       varchar(120) not null,
    role               varchar(16)  not null,
    jurisdiction_level varchar(16)  not null,
    jurisdiction_code  varchar(11)  not null,
    status             varchar(24)  not null default 'PENDING_ACTIVATION',
    preferred_language varchar(2)   not null default 'en',
    password_hash      varchar(100),
    created_at         timestamp with time zone not null default now(),
    updated_at         timestamp with time zone not null default now(),
    activated_at       timestamp with time zone,
    constraint users_pkey primary key (id),
    constraint users_username_key unique (username),
    constraint users_username_format check (username ~ '^[a-z][a-z0-9._-]{2,63}$'),
    constraint users_email_format check (email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    constraint users_phone_format check (phone is null or phone ~ '^\+91[6-9][0-9]{9}$'),
    constraint users_role check (role in ('ADMIN', 'OFFICER', 'SCHOOL')),
    constraint users_status check (status in ('PENDING_ACTIVATION', 'ACTIVE', 'LOCKED', 'DISABLED')),
    constraint users_preferred_language check (preferred_language in ('en', 'ta')),
    constraint users_role_jurisdiction check (
            (role = 'ADMIN' and jurisdiction_level = 'STATE' and jurisdiction_code ~ '^[0-9]{1,2}$')
            or (role = 'OFFICER' and jurisdiction_level in ('DISTRICT', 'BLOCK') and jurisdiction_code ~ '^[0-9]{1,6}$')
            or (role = 'SCHOOL' and jurisdiction_level = 'SCHOOL' and jurisdiction_code ~ '^[0-9]{11}$')),
    constraint users_active_has_password check (status <> 'ACTIVE' or password_hash is not null)
);
create unique index users_email_key on users (lower(email));
create index users_by_jurisdiction on users (jurisdiction_level, jurisdiction_code);
