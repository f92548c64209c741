-- The list's text search is an infix match (like '%...%'), which this index cannot serve; it only slowed imports.
drop index schools_by_name;
