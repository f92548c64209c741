-- Where each school is (district and block, LGD codes), copied from school-service's SchoolRegistered and
-- SchoolUpdated events by services that must filter their data by jurisdiction (mdm.school-locations.enabled).
create table school_locations
(
    udise_code    char(11)    not null,
    district_code varchar(6)  not null,
    block_code    varchar(6)  not null,
    occurred_at   timestamp with time zone not null,
    event_id      uuid        not null,
    updated_at    timestamp with time zone not null default now(),
    constraint school_locations_pkey primary key (udise_code)
);
create index school_locations_by_district on school_locations (district_code);
create index school_locations_by_block on school_locations (block_code);
