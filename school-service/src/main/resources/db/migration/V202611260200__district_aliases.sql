-- Other names of LGD districts (renames, census and common spellings), loaded by the Java migration that
-- follows and edited by ADMIN through the API. An alias names one district of its state.
create table district_aliases
(
    district_code varchar(6)   not null references districts (code) on delete cascade,
    state_code    varchar(2)   not null,
    alias         varchar(100) not null,
    alias_key     varchar(100) not null,
    source        varchar(60)  not null,
    created_by    varchar(100),
    created_at    timestamp with time zone not null default now(),
    constraint district_aliases_pkey primary key (district_code, alias_key),
    constraint district_aliases_one_per_state unique (state_code, alias_key)
);

-- the closest district or block name the importer found for a row it could not match
alter table school_import_rejects add column did_you_mean varchar(100);

-- the job list, newest first
create index school_import_jobs_by_created on school_import_jobs (created_at desc, id);
