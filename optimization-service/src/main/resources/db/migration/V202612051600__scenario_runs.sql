-- What-if runs of the twin (package scenario): a job per request, kept with its projected meals missed.

-- One what-if run: the request, where it stands, and its totals once it has succeeded. The area is the state
-- (district and block null), a district (block null) or a block (with its district): the jurisdiction that may
-- read it.
create table scenario_runs
(
    id               uuid         not null,
    status           varchar(10)  not null,
    requested_by     varchar(100) not null,
    district_code    varchar(8),
    block_code       varchar(8),
    days             integer      not null,
    runs             integer      not null,
    seed             bigint       not null,
    -- the perturbations as requested (JSON array)
    perturbations    jsonb        not null,
    -- runs done so far, and 0-100
    runs_done        integer      not null default 0,
    progress         integer      not null default 0,
    schools          integer,
    -- the totals over the area: meals missed in the baseline and the scenario, mean and 80 % interval
    baseline_mean    double precision,
    baseline_p10     double precision,
    baseline_p90     double precision,
    scenario_mean    double precision,
    scenario_p10     double precision,
    scenario_p90     double precision,
    diff_mean        double precision,
    diff_p10         double precision,
    diff_p90         double precision,
    -- mean meals missed on each day: {"baseline": [...], "scenario": [...]}
    daily            jsonb,
    error            varchar(500),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    -- refreshed while the job waits or runs: a job whose heartbeat is old stopped with its instance
    heartbeat_at     timestamp with time zone not null,
    constraint scenario_runs_pkey primary key (id),
    constraint scenario_runs_status check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    constraint scenario_runs_progress check (progress between 0 and 100),
    constraint scenario_runs_area check (block_code is null or district_code is not null),
    constraint scenario_runs_failed check (status <> 'FAILED' or error is not null)
);
create index scenario_runs_newest on scenario_runs (created_at desc, id);
create index scenario_runs_place on scenario_runs (district_code, block_code);
create index scenario_runs_unfinished on scenario_runs (heartbeat_at) where status in ('QUEUED', 'RUNNING');

-- A run's projection per school, block and district: meals missed over its days, mean and 80 % interval
-- (10th and 90th percentiles across the Monte Carlo runs) in the baseline and the scenario, and the difference
-- (scenario minus baseline, run by run: both draw the same random numbers).
create table scenario_results
(
    scenario_id    uuid             not null,
    level          varchar(8)       not null,
    code           varchar(11)      not null,
    district_code  varchar(8),
    block_code     varchar(8),
    baseline_mean  double precision not null,
    baseline_p10   double precision not null,
    baseline_p90   double precision not null,
    scenario_mean  double precision not null,
    scenario_p10   double precision not null,
    scenario_p90   double precision not null,
    diff_mean      double precision not null,
    diff_p10       double precision not null,
    diff_p90       double precision not null,
    constraint scenario_results_pkey primary key (scenario_id, level, code),
    constraint scenario_results_run foreign key (scenario_id) references scenario_runs (id) on delete cascade,
    constraint scenario_results_level check (level in ('SCHOOL', 'BLOCK', 'DISTRICT'))
);
create index scenario_results_most_affected on scenario_results (scenario_id, level, diff_mean desc, code);
