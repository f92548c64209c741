-- Months of a state's reports (42,747 a day, 7.7 million in 180 school days): the data-quality check of a batch
-- reads each school's last 30 meal days. The school-and-day key now carries the figures it needs, so that check is
-- an index-only scan instead of 30 heap reads a school.
alter table meal_reports drop constraint meal_reports_school_date;
alter table meal_reports add constraint meal_reports_school_date unique (udise_code, report_date)
    include (attendance_primary, attendance_upper_primary, meals_served);
-- index-only scans need the visibility map: vacuum this insert-mostly table after about a day of reports, not after
-- a fifth of its size
alter table meal_reports set (autovacuum_vacuum_insert_scale_factor = 0.005, autovacuum_vacuum_insert_threshold = 20000);

-- The consumption of a batch reads what its sites' ledgers already hold for the days it posts: by reference first
-- (a day's entries), with the site, commodity and quantity in the index.
create index kitchen_stock_ledger_by_reference_site on kitchen_stock_ledger (reference, kitchen_id, commodity)
    include (quantity_kg) where reference is not null;
drop index kitchen_stock_ledger_by_reference;
create index stock_ledger_by_reference_site on stock_ledger (reference, udise_code, commodity)
    include (quantity_kg) where reference is not null;
drop index stock_ledger_by_reference;
alter table kitchen_stock_ledger set (autovacuum_vacuum_insert_scale_factor = 0.005, autovacuum_vacuum_insert_threshold = 20000);
alter table stock_ledger set (autovacuum_vacuum_insert_scale_factor = 0.005, autovacuum_vacuum_insert_threshold = 20000);
