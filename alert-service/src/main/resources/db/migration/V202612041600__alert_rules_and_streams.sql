-- Alerts raised by rules over other services' events. One open alert per (subject, alert_type): a repeat
-- raises occurrences and last_seen_at instead of a new row. Severities are those of the rules: INFO,
-- WARNING, CRITICAL (the first version's LOW / MEDIUM / HIGH are mapped onto them).
alter table alerts drop constraint alerts_severity;
update alerts set severity = case severity when 'LOW' then 'INFO' when 'CRITICAL' then 'CRITICAL' else 'WARNING' end;
alter table alerts add constraint alerts_severity check (severity in ('INFO', 'WARNING', 'CRITICAL'));

alter table alerts
    add column alert_type       varchar(64),
    add column subject          varchar(100),
    add column district_code    varchar(6),
    add column block_code       varchar(6),
    add column occurrences      integer not null default 1,
    add column last_seen_at     timestamp with time zone,
    add column escalated_at     timestamp with time zone,
    add column escalation_count integer not null default 0,
    add column expires_at       timestamp with time zone,
    add column deleted_at       timestamp with time zone,
    add column deleted_by       varchar(64);
update alerts set alert_type = split_part(rule_code, '.', 1), last_seen_at = raised_at;
alter table alerts alter column alert_type set not null;
alter table alerts alter column last_seen_at set not null;
alter table alerts add constraint alerts_occurrences_positive check (occurrences >= 1);
-- one event may alert many subjects (a kitchen's schools, a district's schools in a weather warning): the
-- guard against raising twice from one event is now per subject
alter table alerts drop constraint alerts_source_event_id_key;
alter table alerts add constraint alerts_source_event_subject_key unique (source_event_id, subject);

-- the one open alert of a subject and type (acknowledged counts as open: it is not resolved yet)
create unique index alerts_one_open on alerts (subject, alert_type)
    where status <> 'RESOLVED' and subject is not null;
create index alerts_open_critical on alerts (raised_at) where status = 'OPEN' and severity = 'CRITICAL';
create index alerts_by_district on alerts (district_code, raised_at desc);
create index alerts_open_by_type_block on alerts (alert_type, block_code) where status <> 'RESOLVED';
-- alerts whose cause ends at a known time (a weather warning's validTo) resolve themselves then
create index alerts_open_expiring on alerts (expires_at) where status <> 'RESOLVED' and expires_at is not null;

-- The rules, as data: each row maps one event type (optionally a band of one of its numbers, or a status)
-- to an alert type and a severity. ADMIN edits them through PUT /api/v1/alerts/rules/{code}.
create table alert_rules
(
    code        varchar(64)  not null,
    event_type  varchar(64)  not null,
    alert_type  varchar(64)  not null,
    severity    varchar(16)  not null,
    field       varchar(32),
    min_value   numeric(12, 3),
    max_value   numeric(12, 3),
    status      varchar(32),
    enabled     boolean      not null default true,
    description varchar(300) not null,
    updated_at  timestamp with time zone not null default now(),
    updated_by  varchar(64)  not null default 'migration',
    constraint alert_rules_pkey primary key (code),
    constraint alert_rules_severity check (severity in ('INFO', 'WARNING', 'CRITICAL')),
    constraint alert_rules_band check (min_value is null or max_value is null or min_value < max_value)
);
insert into alert_rules (code, event_type, alert_type, severity, field, min_value, max_value, status, description)
values ('risk.critical', 'RiskScored', 'risk', 'CRITICAL', 'score', 70, null, null,
        'Risk score of 70 or more: children may go without a meal'),
       ('risk.warning', 'RiskScored', 'risk', 'WARNING', 'score', 50, 70, null, 'Risk score from 50 to under 70'),
       ('risk.info', 'RiskScored', 'risk', 'INFO', 'score', 30, 50, null, 'Risk score from 30 to under 50'),
       ('cascade.risk', 'CascadeRiskDetected', 'cascade-risk', 'WARNING', null, null, null, null,
        'A shared kitchen or supplier threatens the schools it serves'),
       ('stock.out', 'StockLow', 'stock', 'CRITICAL', null, null, null, 'STOCK_OUT', 'A school ran out of a commodity'),
       ('stock.low', 'StockLow', 'stock', 'WARNING', 'daysOfStock', null, 7, 'LOW',
        'A school''s stock of a commodity lasts fewer days than the threshold (max_value)'),
       ('kitchen-stock.out', 'KitchenStockLow', 'stock', 'CRITICAL', null, null, null, 'STOCK_OUT',
        'A kitchen ran out of a commodity: every school it cooks for is out'),
       ('kitchen-stock.low', 'KitchenStockLow', 'stock', 'WARNING', 'daysOfStock', null, 7, 'LOW',
        'A kitchen''s stock lasts fewer days than the threshold (max_value)'),
       ('delivery.delayed', 'DeliveryDelayed', 'supply-chain', 'WARNING', 'daysLate', 1, null, null,
        'Supply-chain disruption: a delivery is late'),
       ('budget.exhausted', 'BudgetThresholdCrossed', 'budget', 'CRITICAL', 'thresholdPercent', 100, null, null,
        'The released funds are used up'),
       ('budget.threshold', 'BudgetThresholdCrossed', 'budget', 'WARNING', 'thresholdPercent', null, 100, null,
        'Utilization of released funds crossed a threshold'),
       ('inspection.overdue', 'InspectionOverdue', 'inspection', 'INFO', null, null, null, null,
        'A school is due an inspection'),
       ('weather.warning', 'WeatherWarning', 'weather', 'WARNING', null, null, null, null,
        'A weather warning for the district: every school of it is told');

-- Which alerts a user has read (GET /unread, POST /mark-read/{id}).
create table alert_reads
(
    alert_id uuid        not null references alerts (id),
    username varchar(64) not null,
    read_at  timestamp with time zone not null,
    constraint alert_reads_pkey primary key (alert_id, username)
);

-- Who deleted an alert or changed a rule, and when.
create table alert_audit
(
    id      bigserial    not null,
    action  varchar(32)  not null,
    target  varchar(64)  not null,
    by_user varchar(64)  not null,
    at      timestamp with time zone not null,
    detail  text,
    constraint alert_audit_pkey primary key (id)
);

-- Every change of an alert, in commit order: the live streams send these (SSE id = seq) and replay them
-- from a client's Last-Event-ID. Writers take one transaction-level advisory lock before their first row,
-- so a row with a higher seq is never committed before one with a lower seq (a reader that saw seq n has
-- seen everything below it).
create table alert_changes
(
    seq           bigserial   not null,
    alert_id      uuid        not null,
    change        varchar(16) not null,
    at            timestamp with time zone not null,
    constraint alert_changes_pkey primary key (seq),
    constraint alert_changes_kind check (change in ('RAISED', 'UPDATED', 'ACKNOWLEDGED', 'ESCALATED', 'RESOLVED'))
);
create index alert_changes_by_alert on alert_changes (alert_id);
