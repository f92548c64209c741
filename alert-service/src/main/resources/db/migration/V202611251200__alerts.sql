-- Alerts raised for a jurisdiction (the state, a district or block by LGD code, or a school by UDISE
-- code), mostly from another service's event: source_event_id makes raising from a redelivered event a
-- no-op. Lifecycle: OPEN -> ACKNOWLEDGED -> RESOLVED (or OPEN -> RESOLVED).
create table alerts
(
    id                uuid         not null,
    rule_code         varchar(64)  not null,
    severity          varchar(16)  not null,
    status            varchar(16)  not null default 'OPEN',
    title             varchar(200) not null,
    message           text         not null,
    scope_level       varchar(16)  not null,
    scope_code        varchar(11)  not null,
    udise_code        char(11),
    source_event_id   varchar(64),
    source_event_type varchar(100),
    raised_at         timestamp with time zone not null,
    acknowledged_at   timestamp with time zone,
    acknowledged_by   varchar(64),
    resolved_at       timestamp with time zone,
    resolved_by       varchar(64),
    resolution        text,
    updated_at        timestamp with time zone not null default now(),
    constraint alerts_pkey primary key (id),
    constraint alerts_source_event_id_key unique (source_event_id),
    constraint alerts_rule_code_format check (rule_code ~ '^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$'),
    constraint alerts_severity check (severity in ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    constraint alerts_status check (status in ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    constraint alerts_scope check (
            (scope_level = 'STATE' and scope_code ~ '^[0-9]{1,2}$')
            or (scope_level in ('DISTRICT', 'BLOCK') and scope_code ~ '^[0-9]{1,6}$')
            or (scope_level = 'SCHOOL' and scope_code ~ '^[0-9]{11}$' and udise_code = scope_code)),
    constraint alerts_udise_code_digits check (udise_code is null or udise_code ~ '^[0-9]{11}$'),
    constraint alerts_lifecycle check (
            (status = 'OPEN' and acknowledged_at is null and resolved_at is null)
            or (status = 'ACKNOWLEDGED' and acknowledged_at is not null and resolved_at is null)
            or (status = 'RESOLVED' and resolved_at is not null))
);
create index alerts_by_status_raised on alerts (status, raised_at desc);
create index alerts_by_scope on alerts (scope_level, scope_code, raised_at desc);
create index alerts_by_school on alerts (udise_code, raised_at desc) where udise_code is not null;
