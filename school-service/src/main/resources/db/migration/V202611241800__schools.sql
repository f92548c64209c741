create table schools
(
    udise_code         char(11)     not null,
    name               varchar(200) not null,
    district_code      varchar(6)   not null,
    block_code         varchar(6)   not null,
    category           varchar(40)  not null,
    management         varchar(40)  not null,
    rural_urban        varchar(10)  not null,
    pm_poshan_eligible boolean      not null,
    created_at         timestamp with time zone not null default now(),
    updated_at         timestamp with time zone not null default now(),
    constraint schools_pkey primary key (udise_code),
    constraint schools_udise_code_digits check (udise_code ~ '^[0-9]{11}$')
);
create index schools_by_district_block on schools (district_code, block_code);
