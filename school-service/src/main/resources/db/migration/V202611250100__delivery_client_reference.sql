-- A client's own reference for a delivery it schedules: the same reference of the same supplier is the same delivery.
alter table deliveries add column client_reference varchar(64);
create unique index deliveries_client_reference on deliveries (supplier_id, client_reference) where client_reference is not null;
