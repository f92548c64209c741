-- Interventions accepted for a school at risk, tracked to their outcome: the school's risk when accepted, the
-- risk the model expected after it, and the risk recorded after mdm.ml.interventions.outcome-after days.
create table interventions
(
    id              uuid          not null,
    udise_code      varchar(11)   not null,
    district_code   varchar(8),
    block_code      varchar(8),
    kind            varchar(24)   not null,
    status          varchar(12)   not null,
    risk_before     numeric(4, 1) not null,
    risk_expected   numeric(4, 1) not null,
    risk_after      numeric(4, 1),
    cost_rupees     integer       not null,
    note            varchar(500),
    accepted_by     varchar(100)  not null,
    accepted_at     timestamp with time zone not null,
    outcome_due     date          not null,
    evaluated_at    timestamp with time zone,
    constraint interventions_pkey primary key (id),
    constraint interventions_status check (status in ('ACCEPTED', 'EVALUATED')),
    constraint interventions_kind check (kind in ('CAPACITY_EXPANSION', 'SUPPLY_CHAIN_CHANGE', 'STAFF_AUGMENTATION',
                                                  'INFRASTRUCTURE', 'BUDGET_REALLOCATION'))
);
-- one open intervention of a kind per school
create unique index interventions_one_open on interventions (udise_code, kind) where status = 'ACCEPTED';
create index interventions_place on interventions (district_code, block_code, accepted_at desc);
create index interventions_due on interventions (outcome_due) where status = 'ACCEPTED';
