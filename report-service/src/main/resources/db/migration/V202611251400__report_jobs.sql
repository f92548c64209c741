-- A report asked for (or scheduled) over a period and a jurisdiction: the state, a district or block
-- (LGD code) or a school (UDISE code). Lifecycle: QUEUED -> RUNNING -> READY (with its file) or FAILED
-- (with the reason).
create table report_jobs
(
    id             uuid         not null,
    report_type    varchar(32)  not null,
    format         varchar(8)   not null,
    scope_level    varchar(16)  not null,
    scope_code     varchar(11)  not null,
    period_from    date         not null,
    period_to      date         not null,
    status         varchar(16)  not null default 'QUEUED',
    requested_by   varchar(64)  not null,
    requested_at   timestamp with time zone not null default now(),
    started_at     timestamp with time zone,
    completed_at   timestamp with time zone,
    file_path      varchar(500),
    failure_reason varchar(500),
    constraint report_jobs_pkey primary key (id),
    constraint report_jobs_report_type check (report_type in
            ('MEAL_COVERAGE', 'FUND_UTILIZATION', 'RISK_ASSESSMENT', 'STOCK_POSITION', 'COMPLIANCE')),
    constraint report_jobs_format check (format in ('PDF', 'XLSX', 'CSV')),
    constraint report_jobs_scope check (
            (scope_level = 'STATE' and scope_code ~ '^[0-9]{1,2}$')
            or (scope_level in ('DISTRICT', 'BLOCK') and scope_code ~ '^[0-9]{1,6}$')
            or (scope_level = 'SCHOOL' and scope_code ~ '^[0-9]{11}$')),
    constraint report_jobs_period check (period_from <= period_to),
    constraint report_jobs_status check (status in ('QUEUED', 'RUNNING', 'READY', 'FAILED')),
    constraint report_jobs_lifecycle check (
            (status = 'QUEUED' and started_at is null and completed_at is null)
            or (status = 'RUNNING' and started_at is not null and completed_at is null)
            or (status = 'READY' and completed_at is not null and file_path is not null)
            or (status = 'FAILED' and completed_at is not null and failure_reason is not null))
);
create index report_jobs_by_requested_at on report_jobs (requested_at desc);
create index report_jobs_by_requester on report_jobs (requested_by, requested_at desc);
create index report_jobs_queued on report_jobs (requested_at) where status = 'QUEUED';
