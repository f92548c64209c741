-- The model registry: every trained version of every model, with its evaluation metrics. At most one
-- version of a model is ACTIVE (serving predictions) at a time.
create table models
(
    name          varchar(64)  not null,
    version       varchar(32)  not null,
    algorithm     varchar(64)  not null,
    metrics       jsonb        not null default '{}',
    trained_at    timestamp with time zone not null,
    training_rows integer,
    artifact_uri  varchar(500),
    status        varchar(16)  not null default 'CANDIDATE',
    created_at    timestamp with time zone not null default now(),
    constraint models_pkey primary key (name, version),
    constraint models_name_format check (name ~ '^[a-z][a-z0-9-]{1,63}$'),
    constraint models_version_format check (version ~ '^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$'),
    constraint models_status check (status in ('CANDIDATE', 'ACTIVE', 'RETIRED')),
    constraint models_metrics_are_numbers check (
            jsonb_typeof(metrics) = 'object' and not jsonb_path_exists(metrics, '$.* ? (@.type() != "number")')),
    constraint models_training_rows_positive check (training_rows is null or training_rows > 0)
);
create unique index models_one_active_per_name on models (name) where status = 'ACTIVE';
