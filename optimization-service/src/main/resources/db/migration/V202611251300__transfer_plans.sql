-- Plans to move food stock from a school with a surplus to one short of it. A plan is PROPOSED (by the
-- optimizer or an officer) and then APPROVED or REJECTED; an approved plan is executed by school-service.
-- Only one plan per route and commodity may wait for a decision at a time.
create table transfer_plans
(
    id              uuid          not null,
    from_udise_code char(11)      not null,
    to_udise_code   char(11)      not null,
    commodity       varchar(16)   not null,
    quantity_kg     numeric(9, 3) not null,
    status          varchar(16)   not null default 'PROPOSED',
    reason          varchar(500)  not null,
    created_at      timestamp with time zone not null default now(),
    decided_at      timestamp with time zone,
    decided_by      varchar(64),
    decision_note   varchar(500),
    updated_at      timestamp with time zone not null default now(),
    constraint transfer_plans_pkey primary key (id),
    constraint transfer_plans_udise_codes check (from_udise_code ~ '^[0-9]{11}$' and to_udise_code ~ '^[0-9]{11}$'),
    constraint transfer_plans_between_two_schools check (from_udise_code <> to_udise_code),
    constraint transfer_plans_commodity check (commodity in ('RICE', 'WHEAT', 'PULSES', 'OIL')),
    constraint transfer_plans_quantity_positive check (quantity_kg > 0),
    constraint transfer_plans_status check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    constraint transfer_plans_decision check (
            (status = 'PROPOSED' and decided_at is null and decided_by is null)
            or (status in ('APPROVED', 'REJECTED') and decided_at is not null and decided_by is not null))
);
create unique index transfer_plans_one_pending_per_route on transfer_plans (from_udise_code, to_udise_code, commodity)
    where status = 'PROPOSED';
create index transfer_plans_by_status on transfer_plans (status, created_at desc);
create index transfer_plans_by_from on transfer_plans (from_udise_code);
create index transfer_plans_by_to on transfer_plans (to_udise_code);
