-- Outbox batches (EventBatches: up to 2,000 events in one row, ~250 kB of JSON) are written inside the business
-- transaction and deleted within seconds; compressing them costs about 30 % of the write and saves space only for
-- those seconds. Single-event rows are far below the size at which PostgreSQL compresses anyway.
alter table event_publication alter column serialized_event set storage external;
