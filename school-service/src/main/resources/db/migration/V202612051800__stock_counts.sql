-- StockCounted names the supplier assigned to a site: found by the site, per batch of changed balances.
create index supplier_assignments_by_school on supplier_assignments (udise_code) where udise_code is not null;
create index supplier_assignments_by_kitchen on supplier_assignments (kitchen_id) where kitchen_id is not null;

-- Recounts: StockCounted for every school's and kitchen's balance, in batches, for a consumer building its copy.
create table stock_recount_jobs
(
    id           uuid         not null,
    status       varchar(10)  not null,
    requested_by varchar(100) not null,
    balances     bigint       not null default 0,
    published    bigint       not null default 0,
    progress     integer      not null default 0,
    error        varchar(500),
    created_at   timestamp with time zone not null default now(),
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    constraint stock_recount_jobs_pkey primary key (id),
    constraint stock_recount_jobs_status check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);
