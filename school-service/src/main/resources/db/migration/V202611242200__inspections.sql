-- Inspections of schools' kitchens and meals: findings, a score and when the next one is due.
create table inspections
(
    id           uuid         not null,
    udise_code   char(11)     not null references schools (udise_code),
    inspected_on date         not null,
    inspector    varchar(100) not null,
    score        integer      not null,
    next_due_on  date         not null,
    remarks      varchar(1000),
    created_at   timestamp with time zone not null default now(),
    constraint inspections_pkey primary key (id),
    constraint inspections_score check (score between 0 and 100),
    constraint inspections_due_after check (next_due_on > inspected_on)
);
create index inspections_by_school on inspections (udise_code, inspected_on desc);

create table inspection_findings
(
    inspection_id uuid         not null references inspections (id) on delete cascade,
    position      integer      not null,
    category      varchar(20)  not null,
    severity      varchar(10)  not null,
    note          varchar(500) not null,
    constraint inspection_findings_pkey primary key (inspection_id, position),
    constraint inspection_findings_category check (category in ('HYGIENE', 'FOOD_QUALITY', 'QUANTITY', 'STOCK', 'RECORDS', 'INFRASTRUCTURE', 'STAFF', 'OTHER')),
    constraint inspection_findings_severity check (severity in ('LOW', 'MEDIUM', 'HIGH'))
);

-- InspectionOverdue is published once per school and due date.
create table inspection_overdue_notices
(
    udise_code  char(11) not null,
    due_on      date     not null,
    notified_at timestamp with time zone not null default now(),
    constraint inspection_overdue_notices_pkey primary key (udise_code, due_on)
);

-- ShedLock: a scheduled job runs on one replica at a time.
create table shedlock
(
    name       varchar(64)  not null,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null,
    constraint shedlock_pkey primary key (name)
);
