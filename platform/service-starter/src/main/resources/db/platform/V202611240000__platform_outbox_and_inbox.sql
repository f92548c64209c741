-- Shared by every service, created in the service's own schema.

-- Outbox: Spring Modulith's event publication registry (JDBC, schema v2).
create table if not exists event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

-- Inbox: the events a consumer has handled, written in the same transaction as the effect.
create table if not exists processed_events
(
    consumer     text                     not null,
    event_id     text                     not null,
    event_type   text                     not null,
    processed_at timestamp with time zone not null default now(),
    constraint processed_events_pk primary key (consumer, event_id)
);
