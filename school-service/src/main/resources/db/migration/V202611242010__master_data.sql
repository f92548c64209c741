-- Districts and blocks (LGD codes), loaded by the Java migration that follows.
create table districts
(
    code       varchar(6)   not null,
    state_code varchar(2)   not null,
    state_name varchar(100) not null,
    name       varchar(100) not null,
    name_key   varchar(100) not null,
    constraint districts_pkey primary key (code)
);
create index districts_by_state_name on districts (state_code, name_key);

create table blocks
(
    district_code varchar(6)   not null references districts (code),
    code          varchar(6)   not null,
    name          varchar(100) not null,
    name_key      varchar(100) not null,
    source        varchar(20)  not null,
    created_at    timestamp with time zone not null default now(),
    constraint blocks_pkey primary key (district_code, code),
    constraint blocks_code_digits check (code ~ '^[0-9]{1,6}$'),
    constraint blocks_source check (source in ('LGD', 'DISTRICT', 'IMPORT', 'ADMIN'))
);
create index blocks_by_code on blocks (code);
create index blocks_by_name on blocks (district_code, name_key);
-- codes for blocks created by an import that names a block the list does not have
create sequence import_block_codes start with 800000 maxvalue 899999;

-- Centralised kitchens that cook for many schools.
create table kitchens
(
    id            uuid         not null,
    name          varchar(200) not null,
    district_code varchar(6)   not null,
    block_code    varchar(6)   not null,
    address       varchar(300),
    capacity_meals integer,
    created_at    timestamp with time zone not null default now(),
    updated_at    timestamp with time zone not null default now(),
    constraint kitchens_pkey primary key (id),
    constraint kitchens_block_fk foreign key (district_code, block_code) references blocks (district_code, code),
    constraint kitchens_capacity_positive check (capacity_meals is null or capacity_meals > 0)
);
create index kitchens_by_district_block on kitchens (district_code, block_code);

-- Suppliers (e.g. the state civil supplies corporation) and whom they serve.
create table suppliers
(
    id            uuid         not null,
    code          varchar(30)  not null,
    name          varchar(200) not null,
    kind          varchar(40)  not null,
    phone         varchar(20),
    district_code varchar(6) references districts (code),
    created_at    timestamp with time zone not null default now(),
    updated_at    timestamp with time zone not null default now(),
    constraint suppliers_pkey primary key (id),
    constraint suppliers_code_key unique (code)
);

alter table schools
    alter column rural_urban drop not null,
    add column pincode                char(6),
    add column latitude               numeric(9, 6),
    add column longitude              numeric(9, 6),
    add column headmaster_name        varchar(120),
    add column headmaster_phone       varchar(20),
    add column kitchen_id             uuid references kitchens (id),
    add column eligible_primary       boolean not null default false,
    add column eligible_upper_primary boolean not null default false,
    add constraint schools_pincode_digits check (pincode ~ '^[1-9][0-9]{5}$'),
    add constraint schools_coordinates check ((latitude is null) = (longitude is null)
        and (latitude is null or (latitude between -90 and 90 and longitude between -180 and 180)));
update schools set eligible_primary = pm_poshan_eligible and category <> 'UPPER_PRIMARY',
                   eligible_upper_primary = pm_poshan_eligible and category <> 'PRIMARY';
-- schools registered before the master data are not checked; every new or changed school is
alter table schools add constraint schools_block_fk foreign key (district_code, block_code)
    references blocks (district_code, code) not valid;
create index schools_by_kitchen on schools (kitchen_id) where kitchen_id is not null;
create index schools_by_name on schools (lower(name) varchar_pattern_ops);

create table supplier_assignments
(
    supplier_id uuid     not null references suppliers (id) on delete cascade,
    udise_code  char(11) references schools (udise_code),
    kitchen_id  uuid references kitchens (id),
    constraint supplier_assignments_one_target check ((udise_code is null) <> (kitchen_id is null))
);
create unique index supplier_assignments_school on supplier_assignments (supplier_id, udise_code) where udise_code is not null;
create unique index supplier_assignments_kitchen on supplier_assignments (supplier_id, kitchen_id) where kitchen_id is not null;

-- Enrollment per school and academic year (June to April, "2026-27").
create table enrollments
(
    udise_code          char(11)   not null references schools (udise_code),
    academic_year       varchar(7) not null,
    primary_count       integer    not null,
    upper_primary_count integer    not null,
    updated_at          timestamp with time zone not null default now(),
    constraint enrollments_pkey primary key (udise_code, academic_year),
    constraint enrollments_counts check (primary_count >= 0 and upper_primary_count >= 0),
    constraint enrollments_year check (academic_year ~ '^20[0-9]{2}-[0-9]{2}$')
);

-- UDISE import jobs and the rows they rejected.
create table school_import_jobs
(
    id                   uuid        not null,
    status               varchar(10) not null,
    file_name            varchar(300),
    academic_year        varchar(7)  not null,
    create_missing_blocks boolean    not null,
    rows_read            integer     not null default 0,
    inserted             integer     not null default 0,
    updated              integer     not null default 0,
    unchanged            integer     not null default 0,
    rejected             integer     not null default 0,
    progress             integer     not null default 0,
    error                varchar(500),
    requested_by         varchar(100),
    created_at           timestamp with time zone not null default now(),
    started_at           timestamp with time zone,
    finished_at          timestamp with time zone,
    constraint school_import_jobs_pkey primary key (id),
    constraint school_import_jobs_status check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);

create table school_import_rejects
(
    job_id      uuid    not null references school_import_jobs (id) on delete cascade,
    line_no     integer not null,
    udise_code  varchar(40),
    school_name varchar(300),
    reason      varchar(200) not null,
    constraint school_import_rejects_pkey primary key (job_id, line_no)
);
