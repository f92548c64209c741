-- Transfers entered by hand (an officer or the state), besides those approved by optimization-service, and between
-- any two sites: schools and centralised kitchens.
alter table stock_transfers
    alter column from_udise drop not null,
    alter column to_udise drop not null,
    add column from_kitchen uuid references kitchens (id),
    add column to_kitchen uuid references kitchens (id),
    add column source varchar(10) not null default 'APPROVED',
    add column note varchar(300),
    add column client_reference varchar(64),
    add constraint stock_transfers_source check (source in ('APPROVED', 'MANUAL')),
    add constraint stock_transfers_from_one check ((from_udise is null) <> (from_kitchen is null)),
    add constraint stock_transfers_to_one check ((to_udise is null) <> (to_kitchen is null));
-- a client's reference is its own (approved_by is who entered it): the same request again is the same transfer
create unique index stock_transfers_client_reference on stock_transfers (approved_by, client_reference)
    where client_reference is not null;

alter table kitchen_stock_ledger drop constraint kitchen_stock_ledger_kind;
alter table kitchen_stock_ledger add constraint kitchen_stock_ledger_kind
    check (kind in ('RECEIPT', 'CONSUMPTION', 'ADJUSTMENT', 'TRANSFER_IN', 'TRANSFER_OUT'));
