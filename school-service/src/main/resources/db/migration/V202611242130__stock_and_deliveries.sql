-- PM POSHAN food norms per child per day, in grams (data, editable by an ADMIN).
create table food_norms
(
    commodity          varchar(10)   not null,
    primary_grams      numeric(8, 3) not null,
    upper_primary_grams numeric(8, 3) not null,
    updated_by         varchar(100),
    updated_at         timestamp with time zone not null default now(),
    constraint food_norms_pkey primary key (commodity),
    constraint food_norms_commodity check (commodity in ('RICE', 'WHEAT', 'PULSES', 'OIL', 'OTHER')),
    constraint food_norms_grams check (primary_grams >= 0 and upper_primary_grams >= 0)
);
insert into food_norms (commodity, primary_grams, upper_primary_grams) values
    ('RICE', 100, 150), ('WHEAT', 100, 150), ('PULSES', 20, 30), ('OIL', 5, 7.5), ('OTHER', 0, 0);

-- Stock on hand per site (a school, by UDISE code) and commodity, and every movement.
create table stock_balances
(
    udise_code  char(11)       not null references schools (udise_code),
    commodity   varchar(10)    not null,
    quantity_kg numeric(14, 3) not null,
    status      varchar(15)    not null,
    updated_at  timestamp with time zone not null default now(),
    constraint stock_balances_pkey primary key (udise_code, commodity),
    constraint stock_balances_not_negative check (quantity_kg >= 0),
    constraint stock_balances_status check (status in ('STOCK_OUT', 'LOW', 'ADEQUATE', 'OVER_STOCKED'))
);

create table stock_ledger
(
    id            uuid           not null,
    udise_code    char(11)       not null references schools (udise_code),
    commodity     varchar(10)    not null,
    entry_date    date           not null,
    kind          varchar(15)    not null,
    quantity_kg   numeric(14, 3) not null,
    balance_kg    numeric(14, 3) not null,
    reason        varchar(300),
    reference     varchar(80),
    created_by    varchar(100),
    created_at    timestamp with time zone not null default now(),
    constraint stock_ledger_pkey primary key (id),
    constraint stock_ledger_kind check (kind in ('RECEIPT', 'CONSUMPTION', 'ADJUSTMENT', 'TRANSFER_IN', 'TRANSFER_OUT'))
);
create index stock_ledger_by_site on stock_ledger (udise_code, commodity, created_at);
create index stock_ledger_by_reference on stock_ledger (reference) where reference is not null;

-- Deliveries from a supplier to a school or a kitchen.
create table deliveries
(
    id            uuid           not null,
    supplier_id   uuid           not null references suppliers (id),
    udise_code    char(11) references schools (udise_code),
    kitchen_id    uuid references kitchens (id),
    commodity     varchar(10)    not null,
    quantity_kg   numeric(14, 3) not null,
    promised_date date           not null,
    status        varchar(10)    not null,
    received_on   date,
    received_kg   numeric(14, 3),
    delay_notified boolean       not null default false,
    created_by    varchar(100),
    created_at    timestamp with time zone not null default now(),
    constraint deliveries_pkey primary key (id),
    constraint deliveries_one_target check ((udise_code is null) <> (kitchen_id is null)),
    constraint deliveries_quantity check (quantity_kg > 0 and (received_kg is null or received_kg >= 0)),
    constraint deliveries_status check (status in ('SCHEDULED', 'DELAYED', 'RECEIVED'))
);
create index deliveries_open on deliveries (promised_date) where status <> 'RECEIVED';

-- Transfers approved by optimization-service, as carried out or refused here.
create table stock_transfers
(
    transfer_id    uuid           not null,
    from_udise     char(11)       not null,
    to_udise       char(11)       not null,
    commodity      varchar(10)    not null,
    quantity_kg    numeric(14, 3) not null,
    status         varchar(10)    not null,
    reason         varchar(300),
    approved_by    varchar(100),
    processed_at   timestamp with time zone not null default now(),
    constraint stock_transfers_pkey primary key (transfer_id),
    constraint stock_transfers_status check (status in ('EXECUTED', 'REFUSED'))
);
