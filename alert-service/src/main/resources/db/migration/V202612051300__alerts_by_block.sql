-- A block officer's alert list selects on block_code (a district's on district_code, indexed by
-- alerts_by_district), or on block_code being null for the few alerts raised before their school was
-- placed: this index answers both without scanning every alert.
create index alerts_by_block on alerts (block_code, raised_at desc);
