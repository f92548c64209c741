-- Cost norms as data: the material (cooking) cost per child per school day, the school days it covers and the
-- centre's share, each effective from a date; a revision is a new row, never an update.
create table cost_norms
(
    category             varchar(20)   not null,
    rate_per_child_day   numeric(10, 2) not null,
    school_days          integer       not null,
    centre_share_percent numeric(5, 2) not null,
    effective_from       date          not null,
    constraint cost_norms_category_check check (category in ('PRIMARY', 'UPPER_PRIMARY')),
    constraint cost_norms_rate_check check (rate_per_child_day >= 0),
    constraint cost_norms_days_check check (school_days between 1 and 366),
    constraint cost_norms_centre_check check (centre_share_percent between 0 and 100),
    constraint cost_norms_category_effective_from_key unique (category, effective_from)
);

insert into cost_norms (category, rate_per_child_day, school_days, centre_share_percent, effective_from)
values ('PRIMARY', 6.19, 220, 60.00, date '2024-12-01'),
       ('UPPER_PRIMARY', 9.29, 220, 60.00, date '2024-12-01'),
       ('PRIMARY', 6.78, 220, 60.00, date '2025-05-01'),
       ('UPPER_PRIMARY', 10.17, 220, 60.00, date '2025-05-01');

-- finance-service's copy of each school's enrollment per academic year, fed by school-service's EnrollmentUpdated.
create table enrollments
(
    udise_code          char(11)    not null,
    academic_year       char(7)     not null,
    primary_count       integer     not null,
    upper_primary_count integer     not null,
    district_code       varchar(6)  not null,
    block_code          varchar(6)  not null,
    last_event_id       text        not null,
    last_event_at       timestamp with time zone not null,
    constraint enrollments_pkey primary key (udise_code, academic_year),
    constraint enrollments_counts_check check (primary_count >= 0 and upper_primary_count >= 0)
);
create index enrollments_by_year_district_block on enrollments (academic_year, district_code, block_code);

-- One allocation per school and academic year; a recalculation replaces it. The district and block are those
-- of the enrollment the allocation was calculated from.
create table allocations
(
    id                     uuid           not null,
    udise_code             char(11)       not null,
    academic_year          char(7)        not null,
    district_code          varchar(6)     not null,
    block_code             varchar(6)     not null,
    enrolled_primary       integer        not null,
    enrolled_upper_primary integer        not null,
    rate_primary           numeric(10, 2) not null,
    rate_upper_primary     numeric(10, 2) not null,
    school_days            integer        not null,
    amount                 numeric(14, 2) not null,
    centre_share           numeric(14, 2) not null,
    state_share            numeric(14, 2) not null,
    calculated_at          timestamp with time zone not null,
    constraint allocations_pkey primary key (id),
    constraint allocations_udise_code_academic_year_key unique (udise_code, academic_year),
    constraint allocations_shares_check check (centre_share + state_share = amount)
);
create index allocations_by_year_district_block on allocations (academic_year, district_code, block_code);

-- Rounds to the given number of decimal places, a tie going to the even neighbour (banker's rounding, Java's
-- RoundingMode.HALF_EVEN); PostgreSQL's round(numeric, int) sends ties away from zero.
create function round_half_even(value numeric, places integer) returns numeric
    language sql immutable strict as
$$
select case
           when abs(scaled - trunc(scaled)) = 0.5 and mod(trunc(scaled), 2) = 0
               then round(trunc(scaled) / power(10::numeric, places), places)
           else round(value, places)
       end
from (select value * power(10::numeric, places) as scaled) shifted
$$;
