-- Spending against released funds, per school, month and category.
create table utilization_records
(
    id            uuid           not null,
    udise_code    char(11)       not null,
    academic_year char(7)        not null,
    month         date           not null,
    district_code varchar(6)     not null,
    block_code    varchar(6)     not null,
    category      varchar(10)    not null,
    amount        numeric(14, 2) not null,
    recorded_by   text           not null,
    recorded_at   timestamp with time zone not null,
    constraint utilization_records_pkey primary key (id),
    constraint utilization_records_udise_code_month_category_key unique (udise_code, month, category),
    constraint utilization_records_category_check check (category in ('FOOD', 'FUEL', 'WAGES', 'OTHER')),
    constraint utilization_records_amount_check check (amount >= 0),
    constraint utilization_records_month_check check (extract(day from month) = 1)
);
create index utilization_records_by_year on utilization_records (udise_code, academic_year);

-- Meals actually served, per school and day, from school-service's DailyMealReported (a later report of the same day
-- replaces an earlier one). Meals are split between primary and upper primary in proportion to the day's attendance.
create table daily_meals
(
    udise_code          char(11) not null,
    served_on           date     not null,
    meals_primary       integer  not null,
    meals_upper_primary integer  not null,
    last_event_at       timestamp with time zone not null,
    constraint daily_meals_pkey primary key (udise_code, served_on),
    constraint daily_meals_counts_check check (meals_primary >= 0 and meals_upper_primary >= 0)
);

-- Each utilization threshold is signalled once per school and year; an idle release once.
create table budget_threshold_crossings
(
    udise_code    char(11) not null,
    academic_year char(7)  not null,
    threshold     integer  not null,
    crossed_at    timestamp with time zone not null,
    constraint budget_threshold_crossings_pkey primary key (udise_code, academic_year, threshold)
);
create table idle_release_signals
(
    release_id  uuid not null primary key,
    signaled_at timestamp with time zone not null
);
