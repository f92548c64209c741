-- Stock of centralised kitchens: the schools they cook for eat from it.
create table kitchen_stock_balances
(
    kitchen_id  uuid           not null references kitchens (id),
    commodity   varchar(10)    not null,
    quantity_kg numeric(14, 3) not null,
    status      varchar(15)    not null,
    updated_at  timestamp with time zone not null default now(),
    constraint kitchen_stock_balances_pkey primary key (kitchen_id, commodity),
    constraint kitchen_stock_balances_not_negative check (quantity_kg >= 0)
);

create table kitchen_stock_ledger
(
    id          uuid           not null,
    kitchen_id  uuid           not null references kitchens (id),
    commodity   varchar(10)    not null,
    entry_date  date           not null,
    kind        varchar(15)    not null,
    quantity_kg numeric(14, 3) not null,
    balance_kg  numeric(14, 3) not null,
    reason      varchar(300),
    reference   varchar(80),
    created_by  varchar(100),
    created_at  timestamp with time zone not null default now(),
    constraint kitchen_stock_ledger_pkey primary key (id),
    constraint kitchen_stock_ledger_kind check (kind in ('RECEIPT', 'CONSUMPTION', 'ADJUSTMENT'))
);
create index kitchen_stock_ledger_by_site on kitchen_stock_ledger (kitchen_id, commodity, created_at);
create index kitchen_stock_ledger_by_reference on kitchen_stock_ledger (reference) where reference is not null;
