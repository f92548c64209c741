-- The shortage-risk feature store: what ml-service knows of every school from the suite's events, kept so that
-- events applied in any order, or again, leave the same state, and so that scoring a school reads one row of it.

-- One row per school: where it is, its enrollment, its last 100 days of meal reports (MealHistory, 704 bytes).
create table school_features
(
    udise_code          varchar(11) not null,
    district_code       varchar(8),
    block_code          varchar(8),
    rural               boolean     not null default true,
    school_at           timestamp with time zone,
    enrollment          integer     not null default 0,
    previous_enrollment integer,
    enrollment_at       timestamp with time zone,
    meals               bytea,
    last_report_on      date,
    inspection_due_on   date,
    inspection_at       timestamp with time zone,
    updated_at          timestamp with time zone not null default now(),
    constraint school_features_pkey primary key (udise_code)
);
create index school_features_place on school_features (district_code, block_code);

-- Stock as school-service last reported it when it ran low, per site (a school's store, or a kitchen's id) and
-- commodity; a newer report replaces an older one.
create table site_stock
(
    site          varchar(40) not null,
    commodity     varchar(16) not null,
    days_of_stock numeric(10, 1),
    status        varchar(16) not null,
    observed_at   timestamp with time zone not null,
    constraint site_stock_pkey primary key (site, commodity)
);

-- The kitchen that cooks for a school, as its stock reports name it; the newest report wins.
create table kitchen_schools
(
    udise_code  varchar(11) not null,
    kitchen_id  uuid        not null,
    observed_at timestamp with time zone not null,
    constraint kitchen_schools_pkey primary key (udise_code)
);
create index kitchen_schools_kitchen on kitchen_schools (kitchen_id);

-- Deliveries reported late (a school's own, or a kitchen's: site is then the kitchen's id).
create table delivery_delays
(
    delivery_id   uuid        not null,
    site          varchar(40) not null,
    supplier_code varchar(32),
    expected_on   date        not null,
    days_late     integer     not null,
    observed_at   timestamp with time zone not null,
    constraint delivery_delays_pkey primary key (delivery_id)
);
create index delivery_delays_site on delivery_delays (site, observed_at);
create index delivery_delays_supplier on delivery_delays (supplier_code, observed_at);

-- Funds per jurisdiction (DISTRICT, BLOCK, SCHOOL ...): the last release and the latest utilization reported.
create table fund_scopes
(
    level            varchar(8)  not null,
    code             varchar(16) not null,
    last_release_at  timestamp with time zone,
    utilized_percent numeric(7, 2),
    utilized_at      timestamp with time zone,
    constraint fund_scopes_pkey primary key (level, code)
);

-- Reports per district and day, and how many had no meal for want of funds.
create table district_days
(
    district_code varchar(8) not null,
    day           date       not null,
    reports       integer    not null default 0,
    no_funds      integer    not null default 0,
    constraint district_days_pkey primary key (district_code, day)
);

-- Each school's features as of each day it reported: the training rows (labelled at training time from the
-- meal history).
create table feature_snapshots
(
    udise_code varchar(11) not null,
    as_of      date        not null,
    features   real[]      not null,
    constraint feature_snapshots_pkey primary key (udise_code, as_of)
);
create index feature_snapshots_as_of on feature_snapshots (as_of);

-- The latest score of every school, with its explanation.
create table risk_scores
(
    udise_code    varchar(11)  not null,
    district_code varchar(8),
    block_code    varchar(8),
    for_date      date         not null,
    score         numeric(4, 1) not null,
    level         varchar(8)   not null,
    model_version varchar(32)  not null,
    factors       jsonb        not null default '[]',
    scored_at     timestamp with time zone not null,
    constraint risk_scores_pkey primary key (udise_code),
    constraint risk_scores_level check (level in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    constraint risk_scores_score check (score between 0 and 100)
);
create index risk_scores_place on risk_scores (district_code, block_code, score desc);
create index risk_scores_level_score on risk_scores (level, score desc);
