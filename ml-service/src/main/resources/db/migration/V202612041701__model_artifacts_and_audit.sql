-- The registry, extended: each trained version's artifact (checked by SHA-256), training window and features;
-- every promotion, rejection and rollback; and retraining jobs with their progress.
create table model_artifacts
(
    name            varchar(64) not null,
    version         varchar(32) not null,
    artifact        bytea       not null,
    artifact_sha256 varchar(64) not null,
    features        jsonb       not null,
    training_from   date        not null,
    training_to     date        not null,
    held_back_from  date        not null,
    held_back_to    date        not null,
    constraint model_artifacts_pkey primary key (name, version),
    constraint model_artifacts_model foreign key (name, version) references models (name, version) on delete cascade
);

create table model_audit
(
    id      bigint generated always as identity,
    name    varchar(64)  not null,
    version varchar(32)  not null,
    action  varchar(16)  not null,
    actor   varchar(100) not null,
    reason  text         not null,
    at      timestamp with time zone not null,
    constraint model_audit_pkey primary key (id),
    constraint model_audit_action check (action in ('REGISTERED', 'PROMOTED', 'REJECTED', 'ROLLED_BACK', 'RETIRED'))
);
create index model_audit_model on model_audit (name, at desc);

create table retrain_jobs
(
    id           uuid        not null,
    status       varchar(16) not null,
    stage        varchar(200) not null,
    progress     integer     not null default 0,
    requested_by varchar(100) not null,
    started_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    version      varchar(32),
    promoted     boolean,
    error        text,
    constraint retrain_jobs_pkey primary key (id),
    constraint retrain_jobs_status check (status in ('RUNNING', 'SUCCEEDED', 'FAILED')),
    constraint retrain_jobs_progress check (progress between 0 and 100)
);
