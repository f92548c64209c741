-- The audit trail (in.mdm.platform.audit): every state-changing API call and every change a service records, in one
-- hash chain per service. The tables are named audit_trail* because finance-service keeps its own, older audit_log.
--
-- hash = SHA-256(previous_hash || canonical content of the row); the first row's previous_hash is 64 zeros. Before
-- and after are text holding JSON, kept byte for byte as hashed (jsonb would reorder keys and whitespace).
create table audit_trail
(
    seq           bigint                   not null,
    occurred_at   timestamp with time zone not null,
    actor         text                     not null,
    action        text                     not null,
    method        varchar(10),
    path          text,
    status        int,
    request_id    varchar(128),
    entity_type   varchar(80),
    entity_id     text,
    before        text,
    after         text,
    previous_hash char(64)                 not null,
    hash          char(64)                 not null,
    constraint audit_trail_pkey primary key (seq)
);
create index audit_trail_by_time on audit_trail using brin (occurred_at);
create index audit_trail_by_actor on audit_trail (actor, seq);
create index audit_trail_by_entity on audit_trail (entity_type, entity_id, seq);

-- Rows past the retention, moved here in batches with the same columns.
create table audit_trail_archive
(
    like audit_trail,
    constraint audit_trail_archive_pkey primary key (seq)
);

-- The chain's head: the last sequence and hash. Appends lock this one row (for update) for the insert only, so the
-- chain stays linear under concurrent requests; a verification compares the last row with it (a deleted tail shows).
create table audit_trail_head
(
    id   smallint not null default 1,
    seq  bigint   not null,
    hash char(64) not null,
    constraint audit_trail_head_pkey primary key (id),
    constraint audit_trail_head_one check (id = 1)
);
insert into audit_trail_head (id, seq, hash) values (1, 0, repeat('0', 64));

-- Where the kept chain starts: the sequence and hash of the last row moved to the archive (0 and 64 zeros before any).
create table audit_trail_anchor
(
    id        smallint not null default 1,
    seq       bigint   not null,
    hash      char(64) not null,
    pruned_at timestamp with time zone,
    constraint audit_trail_anchor_pkey primary key (id),
    constraint audit_trail_anchor_one check (id = 1)
);
insert into audit_trail_anchor (id, seq, hash) values (1, 0, repeat('0', 64));
