-- The inbox forgets what it applied once no copy of the event can come again: a block-range index on the time a row
-- was written (rows are appended in that order), a few pages for millions of rows, finds the old ones to delete.
create index if not exists processed_events_by_time on processed_events using brin (processed_at);
