-- optimization-service's own copies, fed by events, of what planning needs: every school and kitchen with its
-- place, its kitchen and supplier (school-service's SchoolRegistered, SchoolUpdated, StockCounted), every site's
-- stock (StockCounted), each school's demand forecast (ml-service's DemandForecasted) and risk (RiskScored).
-- Filled by the consumers of the state package; read by transfer planning and by the twin's what-if runs.

-- A school (kind SCHOOL, site_code its UDISE code) or a centralised kitchen (kind KITCHEN, site_code 'K:' and its
-- id).
create table planning_sites
(
    site_code     varchar(40)  not null,
    kind          varchar(8)   not null,
    udise_code    varchar(11),
    kitchen_id    uuid,
    district_code varchar(8),
    block_code    varchar(8),
    latitude      double precision,
    longitude     double precision,
    -- for a school: the kitchen that cooks for it (null: its own)
    cooked_by     uuid,
    supplier_code varchar(32),
    updated_at    timestamp with time zone not null,
    constraint planning_sites_pkey primary key (site_code),
    constraint planning_sites_kind check (kind in ('SCHOOL', 'KITCHEN')),
    constraint planning_sites_identity check ((kind = 'SCHOOL' and udise_code is not null)
        or (kind = 'KITCHEN' and kitchen_id is not null))
);
create index planning_sites_place on planning_sites (district_code, block_code);
create index planning_sites_cooked_by on planning_sites (cooked_by) where cooked_by is not null;
create index planning_sites_supplier on planning_sites (supplier_code) where supplier_code is not null;

-- The latest stock of each site and commodity (a newer count replaces an older one, never the reverse).
create table planning_stock
(
    site_code     varchar(40)    not null,
    commodity     varchar(16)    not null,
    quantity_kg   numeric(14, 3) not null,
    days_of_stock numeric(10, 1),
    status        varchar(16)    not null,
    observed_at   timestamp with time zone not null,
    constraint planning_stock_pkey primary key (site_code, commodity)
);

-- Each school's meals forecast for its coming school days (the newest forecast of a day wins).
create table planning_forecasts
(
    udise_code  varchar(11) not null,
    for_date    date        not null,
    meals       integer     not null,
    lower80     integer     not null,
    upper80     integer     not null,
    observed_at timestamp with time zone not null,
    constraint planning_forecasts_pkey primary key (udise_code, for_date)
);

-- Each school's latest risk score.
create table planning_risk
(
    udise_code  varchar(11)   not null,
    score       numeric(4, 1) not null,
    level       varchar(8)    not null,
    for_date    date          not null,
    observed_at timestamp with time zone not null,
    constraint planning_risk_pkey primary key (udise_code)
);
