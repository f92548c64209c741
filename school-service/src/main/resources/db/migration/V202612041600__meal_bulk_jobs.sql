-- Bulk meal report files from aggregators (AMS/IVRS): a day's or a week's reports of many schools, stored in
-- chunks by a background job with its progress, counts and the rows it rejected.
create table meal_bulk_jobs
(
    id           uuid         not null,
    status       varchar(10)  not null,
    file_name    varchar(300),
    format       varchar(10)  not null,
    channel      varchar(10)  not null,
    requested_by varchar(100) not null,
    rows_read    integer      not null default 0,
    created      integer      not null default 0,
    duplicates   integer      not null default 0,
    rejected     integer      not null default 0,
    progress     integer      not null default 0,
    error        varchar(500),
    created_at   timestamp with time zone not null default now(),
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    constraint meal_bulk_jobs_pkey primary key (id),
    constraint meal_bulk_jobs_status check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    constraint meal_bulk_jobs_format check (format in ('CSV', 'JSON_LINES')),
    constraint meal_bulk_jobs_channel check (channel in ('APP', 'WEB', 'SMS', 'IVRS'))
);
create index meal_bulk_jobs_newest on meal_bulk_jobs (created_at desc);

create table meal_bulk_rejects
(
    job_id      uuid         not null references meal_bulk_jobs (id) on delete cascade,
    line_no     integer      not null,
    udise_code  varchar(40),
    report_date varchar(40),
    code        varchar(60)  not null,
    detail      varchar(500) not null,
    constraint meal_bulk_rejects_pkey primary key (job_id, line_no)
);
