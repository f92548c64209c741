-- Fund releases: a quarterly tranche or an emergency release of a school's allocation, requested, then approved
-- level by level (district, block, school) or rejected with a reason. At the school's approval the amount is
-- released (added to allocations.released, which may never exceed the allocation) and sent to the treasury.
create table fund_releases
(
    id               uuid           not null,
    allocation_id    uuid           not null,
    udise_code       char(11)       not null,
    academic_year    char(7)        not null,
    district_code    varchar(6)     not null,
    block_code       varchar(6)     not null,
    kind             varchar(10)    not null,
    quarter          smallint,
    tranche_amount   numeric(14, 2) not null,
    release_percent  numeric(5, 2)  not null,
    amount           numeric(14, 2) not null,
    status           varchar(10)    not null,
    pending_level    varchar(10),
    reason           text,
    requested_by     text           not null,
    requested_at     timestamp with time zone not null,
    rejected_by      text,
    rejection_reason text,
    decided_at       timestamp with time zone,
    released_at      timestamp with time zone,
    credited_at      timestamp with time zone,
    treasury_reference text,
    constraint fund_releases_pkey primary key (id),
    constraint fund_releases_allocation_fk foreign key (allocation_id) references allocations (id),
    constraint fund_releases_kind_check check (kind in ('QUARTERLY', 'EMERGENCY')),
    constraint fund_releases_quarter_check check ((kind = 'QUARTERLY') = (quarter is not null) and (quarter is null or quarter between 1 and 4)),
    constraint fund_releases_status_check check (status in ('PENDING', 'RELEASED', 'REJECTED')),
    constraint fund_releases_pending_level_check check ((status = 'PENDING') = (pending_level is not null)
        and (pending_level is null or pending_level in ('DISTRICT', 'BLOCK', 'SCHOOL'))),
    constraint fund_releases_amount_check check (amount > 0 and amount <= tranche_amount)
);
-- one live request per quarter's tranche (a rejected one may be requested again)
create unique index fund_releases_one_tranche_per_quarter on fund_releases (allocation_id, quarter)
    where kind = 'QUARTERLY' and status <> 'REJECTED';
create index fund_releases_by_allocation on fund_releases (allocation_id);
create index fund_releases_pending on fund_releases (pending_level, district_code, block_code) where status = 'PENDING';
create index fund_releases_by_school on fund_releases (udise_code, requested_at);

create table fund_release_approvals
(
    release_id  uuid        not null,
    level       varchar(10) not null,
    approved_by text        not null,
    approved_at timestamp with time zone not null,
    constraint fund_release_approvals_pkey primary key (release_id, level),
    constraint fund_release_approvals_release_fk foreign key (release_id) references fund_releases (id)
);
