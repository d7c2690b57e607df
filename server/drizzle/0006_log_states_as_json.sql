-- The log's states are written once, by PostgreSQL's json_build_object, and read back only as text
-- (the sequencer's bus message, a resume's read): json keeps that text as it was built, where jsonb
-- parsed it into its binary form on every append and printed it again on every read. One ALTER, so
-- the table is rewritten once.
ALTER TABLE "change_log"
  ALTER COLUMN "before" SET DATA TYPE json,
  ALTER COLUMN "after" SET DATA TYPE json,
  ALTER COLUMN "detail" SET DATA TYPE json;
