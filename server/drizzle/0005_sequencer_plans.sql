-- A new log is tiny when the function first runs, and PostgreSQL plans its queries for that size: a
-- sequential scan of change_log, which a session keeps in its cached plan until the next ANALYZE
-- (autovacuum looks at a database once a minute), while the log grows by thousands of rows. Every
-- query in the function has an index made for it (the pending rows' partial index, the positions'
-- index), so it never scans the table.
ALTER FUNCTION "sequence_changes"(integer) SET enable_seqscan = off;
