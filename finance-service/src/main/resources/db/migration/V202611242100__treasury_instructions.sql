-- Payment instructions to the treasury, one per released fund, written in the release's transaction and sent after
-- commit by a scheduled sender. The idempotency key travels with every attempt, so a retry never pays twice.
create table treasury_instructions
(
    id                 uuid           not null,
    release_id         uuid           not null,
    idempotency_key    uuid           not null,
    udise_code         char(11)       not null,
    district_code      varchar(6)     not null,
    block_code         varchar(6)     not null,
    amount             numeric(14, 2) not null,
    status             varchar(10)    not null,
    attempts           integer        not null default 0,
    last_error         text,
    created_at         timestamp with time zone not null,
    claimed_at         timestamp with time zone,
    sent_at            timestamp with time zone,
    confirmed_at       timestamp with time zone,
    treasury_reference text,
    constraint treasury_instructions_pkey primary key (id),
    constraint treasury_instructions_release_id_key unique (release_id),
    constraint treasury_instructions_idempotency_key_key unique (idempotency_key),
    constraint treasury_instructions_release_fk foreign key (release_id) references fund_releases (id),
    constraint treasury_instructions_status_check check (status in ('PENDING', 'SENDING', 'SENT', 'CONFIRMED', 'REFUSED'))
);
create index treasury_instructions_unconfirmed on treasury_instructions (status, created_at) where status <> 'CONFIRMED';

-- The daily reconciliation: instructions without the treasury's confirmation a day after they were written.
create table treasury_reconciliations
(
    id          bigint generated always as identity primary key,
    run_at      timestamp with time zone not null,
    older_than  timestamp with time zone not null,
    unconfirmed integer        not null,
    amount      numeric(16, 2) not null
);
