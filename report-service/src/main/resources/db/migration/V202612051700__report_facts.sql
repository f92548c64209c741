-- The read models: one row per school and day (or per event's own key), fed by other services' events through the
-- platform's inbox. Every write is an upsert that keeps the newest event by occurred_at, so the same event twice or
-- events out of order leave the same state, and a corrected report of a day replaces the earlier one. Aggregates to
-- block, district, state and period are computed by set-based SQL over these tables (FactsQueryRepository).

-- Every school, from SchoolRegistered/SchoolUpdated: its name and place.
create table fact_schools
(
    udise_code    varchar(11)              not null,
    name          varchar(200)             not null,
    district_code varchar(6)               not null,
    block_code    varchar(6)               not null,
    occurred_at   timestamp with time zone not null,
    constraint fact_schools_pkey primary key (udise_code)
);
create index fact_schools_by_district on fact_schools (district_code, block_code);
create index fact_schools_by_block on fact_schools (block_code);

-- Enrollment per school and academic year (June to May), from EnrollmentUpdated.
create table fact_enrollment
(
    udise_code     varchar(11)              not null,
    academic_year  varchar(7)               not null,
    primary_count  int                      not null check (primary_count >= 0),
    upper_primary  int                      not null check (upper_primary >= 0),
    occurred_at    timestamp with time zone not null,
    constraint fact_enrollment_pkey primary key (udise_code, academic_year)
);

-- A school's day, from DailyMealReported: the newest report of the day counts; first_reported_at is when the
-- day was first reported (for timeliness: by the end of the day, Asia/Kolkata).
create table fact_school_days
(
    udise_code        varchar(11)              not null,
    day               date                     not null,
    attendance        int                      not null check (attendance >= 0),
    meals_served      int                      not null check (meals_served >= 0),
    no_meal_reason    varchar(64),
    first_reported_at timestamp with time zone not null,
    occurred_at       timestamp with time zone not null,
    constraint fact_school_days_pkey primary key (udise_code, day)
);
create index fact_school_days_by_day on fact_school_days (day);

-- A school's stock of a commodity at the end of a day (the newest StockCounted or StockLow of that day).
create table fact_stock_days
(
    udise_code    varchar(11)              not null,
    commodity     varchar(32)              not null,
    day           date                     not null,
    quantity_kg   numeric(14, 3),
    days_of_stock numeric(10, 2),
    status        varchar(16)              not null,
    occurred_at   timestamp with time zone not null,
    constraint fact_stock_days_pkey primary key (udise_code, commodity, day)
);
create index fact_stock_days_by_day on fact_stock_days (day);

-- Deliveries that came late (DeliveryDelayed), by their expected day.
create table fact_deliveries_delayed
(
    delivery_id   uuid                     not null,
    udise_code    varchar(11)              not null,
    supplier_code varchar(32),
    commodity     varchar(32),
    expected_on   date                     not null,
    days_late     int                      not null,
    occurred_at   timestamp with time zone not null,
    constraint fact_deliveries_delayed_pkey primary key (delivery_id)
);
create index fact_deliveries_delayed_by_day on fact_deliveries_delayed (expected_on);

-- Inspections overdue (InspectionOverdue), one per school and due date.
create table fact_inspections_overdue
(
    udise_code        varchar(11)              not null,
    due_on            date                     not null,
    last_inspected_on date,
    occurred_at       timestamp with time zone not null,
    constraint fact_inspections_overdue_pkey primary key (udise_code, due_on)
);

-- Money: allocations and releases by their scope, utilization by school and month (rupees, exact).
create table fact_allocations
(
    allocation_id uuid                     not null,
    academic_year varchar(7)               not null,
    scope_level   varchar(16)              not null,
    scope_code    varchar(11)              not null,
    schools       int                      not null,
    total         numeric(16, 2)           not null,
    centre_share  numeric(16, 2)           not null,
    state_share   numeric(16, 2)           not null,
    day           date                     not null,
    occurred_at   timestamp with time zone not null,
    constraint fact_allocations_pkey primary key (allocation_id)
);

create table fact_releases
(
    release_id    uuid                     not null,
    allocation_id uuid,
    scope_level   varchar(16)              not null,
    scope_code    varchar(11)              not null,
    amount        numeric(16, 2)           not null,
    day           date                     not null,
    occurred_at   timestamp with time zone not null,
    constraint fact_releases_pkey primary key (release_id)
);

create table fact_utilizations
(
    utilization_id uuid                     not null,
    udise_code     varchar(11)              not null,
    month          date                     not null,
    category       varchar(64)              not null,
    amount         numeric(16, 2)           not null,
    occurred_at    timestamp with time zone not null,
    constraint fact_utilizations_pkey primary key (utilization_id)
);
create index fact_utilizations_by_month on fact_utilizations (month);

-- Budget thresholds crossed, by scope and day: the last one of a day counts.
create table fact_budget_thresholds
(
    scope_level       varchar(16)              not null,
    scope_code        varchar(11)              not null,
    day               date                     not null,
    threshold_percent int                      not null,
    utilized_percent  numeric(7, 2)            not null,
    occurred_at       timestamp with time zone not null,
    constraint fact_budget_thresholds_pkey primary key (scope_level, scope_code, day)
);

-- A school's risk for a day (RiskScored): the newest score of the day counts.
create table fact_risk_days
(
    udise_code    varchar(11)              not null,
    day           date                     not null,
    score         double precision         not null,
    level         varchar(16)              not null,
    model_version varchar(64),
    occurred_at   timestamp with time zone not null,
    constraint fact_risk_days_pkey primary key (udise_code, day)
);
create index fact_risk_days_by_day on fact_risk_days (day);

-- Alerts: raised and resolved, whichever arrives first (a resolution before its raise keeps resolved_at).
create table fact_alerts
(
    alert_id      uuid        not null,
    rule_code     varchar(64),
    severity      varchar(16),
    scope_level   varchar(16),
    scope_code    varchar(11),
    udise_code    varchar(11),
    raised_at     timestamp with time zone,
    resolved_at   timestamp with time zone,
    constraint fact_alerts_pkey primary key (alert_id)
);
create index fact_alerts_by_raised on fact_alerts (raised_at);

-- Report jobs: the templates of the reporting issue, JSON files, progress, language, custom columns, the period's
-- kind, the schedule that fired it and whom to tell; attempts and a heartbeat so that a job left RUNNING by a
-- crashed instance is taken up again (or failed after its attempts).
alter table report_jobs drop constraint report_jobs_report_type;
alter table report_jobs drop constraint report_jobs_format;
update report_jobs set report_type = case report_type
        when 'MEAL_COVERAGE' then 'PERFORMANCE'
        when 'STOCK_POSITION' then 'PERFORMANCE'
        when 'FUND_UTILIZATION' then 'FINANCIAL_UTILIZATION'
        else report_type end;
alter table report_jobs
    add constraint report_jobs_report_type check (report_type in
            ('PERFORMANCE', 'FINANCIAL_UTILIZATION', 'RISK_ASSESSMENT', 'COMPLIANCE', 'AUDIT')),
    add constraint report_jobs_format check (format in ('PDF', 'XLSX', 'CSV', 'JSON')),
    add column period_kind  varchar(16),
    add column language     varchar(2)  not null default 'en',
    add column columns      text[],
    add column progress     int         not null default 0,
    add column media_type   varchar(100),
    add column file_name    varchar(200),
    add column attempts     int         not null default 0,
    add column heartbeat_at timestamp with time zone,
    add column schedule_id  uuid,
    add column recipients   text[],
    add constraint report_jobs_period_kind check (period_kind in ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL')),
    add constraint report_jobs_language check (language in ('en', 'ta')),
    add constraint report_jobs_progress check (progress between 0 and 100);
create index report_jobs_running on report_jobs (heartbeat_at) where status = 'RUNNING';

-- Reports produced on a cron schedule; next_run_at is claimed under a row lock, so each firing happens once
-- across replicas.
create table report_schedules
(
    id           uuid                     not null,
    report_type  varchar(32)              not null,
    period_kind  varchar(16)              not null,
    scope_level  varchar(16)              not null,
    scope_code   varchar(11)              not null,
    format       varchar(8)               not null,
    language     varchar(2)               not null default 'en',
    cron         varchar(120)             not null,
    recipients   text[]                   not null,
    created_by   varchar(64)              not null,
    created_at   timestamp with time zone not null default now(),
    next_run_at  timestamp with time zone not null,
    last_run_at  timestamp with time zone,
    constraint report_schedules_pkey primary key (id),
    constraint report_schedules_report_type check (report_type in
            ('PERFORMANCE', 'FINANCIAL_UTILIZATION', 'RISK_ASSESSMENT', 'COMPLIANCE', 'AUDIT')),
    constraint report_schedules_format check (format in ('PDF', 'XLSX', 'CSV', 'JSON')),
    constraint report_schedules_period_kind check (period_kind in ('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL')),
    constraint report_schedules_scope check (
            (scope_level = 'STATE' and scope_code ~ '^[0-9]{1,2}$')
            or (scope_level in ('DISTRICT', 'BLOCK') and scope_code ~ '^[0-9]{1,6}$')
            or (scope_level = 'SCHOOL' and scope_code ~ '^[0-9]{11}$'))
);
create index report_schedules_due on report_schedules (next_run_at);
