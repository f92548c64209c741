-- finance-service's own copy of the schools it funds, fed by school-service's events.
create table school_directory
(
    udise_code         char(11)     not null,
    name               varchar(200) not null,
    district_code      varchar(6)   not null,
    block_code         varchar(6)   not null,
    category           varchar(40)  not null,
    management         varchar(40)  not null,
    pm_poshan_eligible boolean      not null,
    last_event_id      text         not null,
    last_event_at      timestamp with time zone not null,
    updated_at         timestamp with time zone not null default now(),
    constraint school_directory_pkey primary key (udise_code)
);
create index school_directory_by_district_block on school_directory (district_code, block_code);
