-- Norm revisions come from the API: who added each row and when. The school days may differ between primary and
-- upper primary (Tamil Nadu plans 220 / 207); the centre's share is the state's sharing pattern and is the same
-- for both categories of a revision.
alter table cost_norms add column created_by text not null default 'migration';
alter table cost_norms add column created_at timestamp with time zone not null default now();

-- An allocation keeps the norms it was calculated with: school days per category and the centre's share.
alter table allocations rename column school_days to school_days_primary;
alter table allocations add column school_days_upper_primary integer;
update allocations set school_days_upper_primary = school_days_primary;
alter table allocations alter column school_days_upper_primary set not null;
alter table allocations add column centre_share_percent numeric(5, 2);
update allocations a set centre_share_percent = coalesce(
        (select n.centre_share_percent from cost_norms n
         where n.category = 'PRIMARY' and n.effective_from <= make_date(cast(substr(a.academic_year, 1, 4) as integer), 6, 1)
         order by n.effective_from desc limit 1), 60.00);
alter table allocations alter column centre_share_percent set not null;

-- Who changed what, before and after; scoped by the location of what changed, so officers read their own area's.
create table audit_log
(
    id            bigint generated always as identity primary key,
    at            timestamp with time zone not null default now(),
    actor         text        not null,
    action        varchar(60) not null,
    entity        varchar(40) not null,
    entity_id     text        not null,
    district_code varchar(6),
    block_code    varchar(6),
    udise_code    char(11),
    before        jsonb,
    after         jsonb,
    reason        text
);
create index audit_log_by_entity on audit_log (entity, entity_id, id);

-- Adjustments and releases: the calculated amount, a manual adjustment on top of it (kept across recalculations)
-- and the sum released so far. amount = greatest(calculated_amount + adjustment, released): an allocation never
-- falls below what has been released.
alter table allocations add column calculated_amount numeric(14, 2);
update allocations set calculated_amount = amount;
alter table allocations alter column calculated_amount set not null;
alter table allocations add column adjustment numeric(14, 2) not null default 0;
alter table allocations add column released numeric(14, 2) not null default 0;
alter table allocations add column adjusted_at timestamp with time zone;
alter table allocations add constraint allocations_released_check check (released >= 0 and released <= amount);
alter table allocations add constraint allocations_amount_check check (amount >= 0);
