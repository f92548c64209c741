-- Every school is scored again after each of its reports: 42,747 upserts of risk_scores a Tamil Nadu day, and as many
-- of school_features. With the score and level in two indexes every one of those updates was a new tuple in three
-- indexes; without them, and with room left on each page, PostgreSQL updates the row in place (a heap-only tuple) and
-- touches no index. The lists still find a district's or block's schools by index and sort those few thousand rows;
-- a list by level over a whole state reads the table (a few MB per 100,000 schools).
drop index if exists risk_scores_level_score;
drop index if exists risk_scores_place;
create index risk_scores_place on risk_scores (district_code, block_code);
alter table risk_scores set (fillfactor = 70);
alter table school_features set (fillfactor = 70);
