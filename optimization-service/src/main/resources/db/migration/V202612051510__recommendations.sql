-- Recommendations of the transfer optimizer are transfer plans with their cost-benefit; an approved plan is closed by
-- school-service's answer (EXECUTED or REFUSED). A calculation is a job with its progress and its plan's totals.

alter table transfer_plans
    add column source               varchar(10)   not null default 'MANUAL',
    add column run_id               uuid,
    add column district_code        varchar(8),
    add column distance_km          numeric(9, 2),
    add column cost_inr             numeric(14, 2),
    add column children_days        integer,
    add column children_days_per_inr numeric(14, 4),
    add column receiver_risk        numeric(4, 1),
    add column outcome_at           timestamp with time zone,
    add column outcome_note         varchar(500),
    add constraint transfer_plans_source check (source in ('MANUAL', 'OPTIMIZER'));

alter table transfer_plans drop constraint transfer_plans_status;
alter table transfer_plans add constraint transfer_plans_status
    check (status in ('PROPOSED', 'APPROVED', 'REJECTED', 'EXECUTED', 'REFUSED'));
alter table transfer_plans drop constraint transfer_plans_decision;
alter table transfer_plans add constraint transfer_plans_decision check (
        (status = 'PROPOSED' and decided_at is null and decided_by is null)
        or (status in ('APPROVED', 'REJECTED', 'EXECUTED', 'REFUSED') and decided_at is not null
            and decided_by is not null));
create index transfer_plans_by_run on transfer_plans (run_id) where run_id is not null;
create index transfer_plans_by_district on transfer_plans (district_code, status) where district_code is not null;

-- One calculation: its scope (a district or a block), what it plans, its progress and its plan's totals.
create table optimization_runs
(
    id                 uuid         not null,
    district_code      varchar(8)   not null,
    block_code         varchar(8),
    commodity          varchar(16),
    horizon_days       integer      not null,
    status             varchar(10)  not null default 'QUEUED',
    progress           integer      not null default 0,
    requested_by       varchar(64)  not null,
    created_at         timestamp with time zone not null,
    finished_at        timestamp with time zone,
    error              varchar(500),
    sites              integer,
    recommendations    integer,
    kg_moved           numeric(14, 0),
    km                 numeric(14, 2),
    cost_inr           numeric(16, 2),
    children_days      bigint,
    shortage_kg_before numeric(14, 0),
    shortage_kg_after  numeric(14, 0),
    solve_millis       bigint,
    constraint optimization_runs_pkey primary key (id),
    constraint optimization_runs_status check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint optimization_runs_progress check (progress between 0 and 100)
);
create index optimization_runs_by_district on optimization_runs (district_code, created_at desc);

-- planning reads a jurisdiction's schools and their coming days
create index planning_forecasts_by_date on planning_forecasts (for_date);
create index planning_sites_block on planning_sites (block_code);
