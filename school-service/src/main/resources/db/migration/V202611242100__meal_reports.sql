-- Why a school served no meal: a master list, not code.
create table no_meal_reasons
(
    code        varchar(20)  not null,
    description varchar(200) not null,
    constraint no_meal_reasons_pkey primary key (code)
);
insert into no_meal_reasons (code, description) values
    ('NO_STOCK', 'No food grain or ingredients in stock'),
    ('NO_COOK', 'Cook or helper absent'),
    ('NO_FUNDS', 'No cooking cost funds'),
    ('HOLIDAY', 'School holiday'),
    ('OTHER', 'Another reason');

-- School holidays as data: state-wide (no district) or for one district.
create table holidays
(
    id            uuid         not null,
    holiday_date  date         not null,
    district_code varchar(6) references districts (code),
    name          varchar(200) not null,
    constraint holidays_pkey primary key (id)
);
create unique index holidays_date_district on holidays (holiday_date, coalesce(district_code, ''));

-- One report per school and school day.
create table meal_reports
(
    id                       uuid        not null,
    client_report_id         uuid,
    udise_code               char(11)    not null references schools (udise_code),
    report_date              date        not null,
    attendance_primary       integer     not null,
    attendance_upper_primary integer     not null,
    meals_served             integer     not null,
    no_meal_reason           varchar(20) references no_meal_reasons (code),
    channel                  varchar(10) not null,
    reported_by              varchar(100),
    received_at              timestamp with time zone not null default now(),
    flags                    varchar(40)[] not null default '{}',
    corrected                boolean     not null default false,
    constraint meal_reports_pkey primary key (id),
    constraint meal_reports_school_date unique (udise_code, report_date),
    constraint meal_reports_client_id unique (client_report_id),
    constraint meal_reports_counts check (attendance_primary >= 0 and attendance_upper_primary >= 0 and meals_served >= 0),
    constraint meal_reports_reason check ((no_meal_reason is null) = (meals_served > 0)),
    constraint meal_reports_channel check (channel in ('APP', 'WEB', 'SMS', 'IVRS'))
);
create index meal_reports_by_date on meal_reports (report_date);

-- Corrections by officers: who, before, after and why.
create table meal_report_corrections
(
    id           uuid         not null,
    report_id    uuid         not null references meal_reports (id),
    corrected_by varchar(100) not null,
    corrected_at timestamp with time zone not null default now(),
    before       jsonb        not null,
    after        jsonb        not null,
    reason       varchar(500) not null,
    constraint meal_report_corrections_pkey primary key (id)
);
create index meal_report_corrections_by_report on meal_report_corrections (report_id);

-- Every SMS/IVRS message received, valid or not, with the reply sent.
create table meal_sms_messages
(
    id          uuid         not null,
    from_number varchar(20)  not null,
    message     varchar(500) not null,
    received_at timestamp with time zone not null,
    status      varchar(10)  not null,
    error       varchar(300),
    reply       varchar(300) not null,
    report_id   uuid references meal_reports (id),
    constraint meal_sms_messages_pkey primary key (id),
    constraint meal_sms_messages_status check (status in ('ACCEPTED', 'DUPLICATE', 'REJECTED'))
);
