-- Demand forecasts: the latest forecast of every school (its next school days with intervals and components), and
-- the runs that make them for all schools, with their progress.

create table demand_forecasts
(
    udise_code    varchar(11)  not null,
    district_code varchar(8),
    block_code    varchar(8),
    as_of         date         not null,
    model_version varchar(32)  not null,
    forecast      jsonb        not null,
    made_at       timestamp with time zone not null,
    constraint demand_forecasts_pkey primary key (udise_code)
);
create index demand_forecasts_place on demand_forecasts (district_code, block_code, udise_code);

create table forecast_runs
(
    id           uuid         not null,
    status       varchar(16)  not null,
    requested_by varchar(100) not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    as_of        date         not null,
    schools      integer      not null default 0,
    done         integer      not null default 0,
    forecast     integer      not null default 0,
    published    integer      not null default 0,
    priors       jsonb,
    error        text,
    constraint forecast_runs_pkey primary key (id),
    constraint forecast_runs_status check (status in ('RUNNING', 'SUCCEEDED', 'FAILED'))
);
-- one run at a time, whichever replica starts it
create unique index forecast_runs_one_running on forecast_runs ((true)) where status = 'RUNNING';
create index forecast_runs_started on forecast_runs (started_at desc);
