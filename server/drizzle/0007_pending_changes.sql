-- Changes wait for their position in a table of their own instead of in the log. Before, a change
-- was appended to change_log without a position and then updated to get one: every update left a
-- dead entry at the start of the index of unsequenced changes, which every sequencer call walked
-- until a vacuum of the whole log (by default once a fifth of it is dead, so up to days of changes
-- in a log that keeps a week): the cost of a call grew with the log. Now a writer appends to
-- change_pending, the sequencer moves committed rows into change_log with their positions, and
-- change_log is only inserted into (and pruned), with its position as its one index.
--
-- Writers of the log are held off until this commits, so no change slips between the move and
-- the new layout.
LOCK TABLE "change_log" IN ACCESS EXCLUSIVE MODE;--> statement-breakpoint
CREATE TABLE "change_pending" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "change_pending_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"before" json,
	"after" json,
	"detail" json
);--> statement-breakpoint
-- The table only ever holds the changes of the last moments, so a vacuum is cheap and its dead
-- rows are worth removing early: autovacuum visits it whenever a thousand rows have gone. No
-- vacuum cuts its emptied pages off the end: that takes a lock every writer's append waits for.
ALTER TABLE "change_pending" SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000, vacuum_truncate = false);--> statement-breakpoint
WITH "waiting" AS (DELETE FROM "change_log" WHERE "position" IS NULL RETURNING *)
INSERT INTO "change_pending" ("entity", "entity_id", "kind", "author_id", "author_name", "before", "after", "detail")
SELECT "entity", "entity_id", "kind", "author_id", "author_name", "before", "after", "detail" FROM "waiting" ORDER BY "id";--> statement-breakpoint
DROP INDEX "change_log_unsequenced_idx";--> statement-breakpoint
ALTER TABLE "change_log" DROP CONSTRAINT "change_log_pkey";--> statement-breakpoint
ALTER TABLE "change_log" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "change_log" ALTER COLUMN "id" DROP NOT NULL;--> statement-breakpoint
DROP INDEX "change_log_position_idx";--> statement-breakpoint
ALTER TABLE "change_log" ADD PRIMARY KEY ("position");--> statement-breakpoint
-- Moves the next committed changes (at most `batch`) from change_pending into the log, with the
-- next positions, in commit order. The lock serialises the calls of every instance and is held only
-- inside one call, so positions become visible in the order they are given. Each statement of a
-- volatile PL/pgSQL function takes a new snapshot, so the move sees every change committed before
-- the lock was granted. Among those, append order (id) decides; for one entity it is commit order,
-- since a writer appends only after it holds the entity's row lock. The plans are made for the
-- indexes (the queue's id, the log's position): a plan made while a table was tiny, a sequential
-- scan, would stay in the session's cache as the tables grow.
CREATE OR REPLACE FUNCTION "sequence_changes"("batch" integer) RETURNS SETOF "change_log"
LANGUAGE plpgsql VOLATILE SET enable_seqscan = off AS $$
DECLARE
  head bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(727311002);
  SELECT greatest(coalesce((SELECT max(c.position) FROM change_log c), 0), coalesce((SELECT h.position FROM change_log_horizon h WHERE h.id = 1), 0))
    INTO head;
  RETURN QUERY
    WITH moved AS (
      DELETE FROM change_pending p
      WHERE p.id IN (SELECT u.id FROM change_pending u ORDER BY u.id LIMIT batch)
      RETURNING p.*
    )
    INSERT INTO change_log AS c (position, entity, entity_id, kind, author_id, author_name, before, after, detail, occurred_at)
    SELECT head + row_number() OVER (ORDER BY m.id), m.entity, m.entity_id, m.kind, m.author_id, m.author_name, m.before, m.after, m.detail, clock_timestamp()
    FROM moved m
    RETURNING c.*;
END
$$;--> statement-breakpoint
-- An instance of the previous version, still running during a rolling upgrade, appends to
-- change_log without a position: its changes go to the queue like everyone else's.
CREATE FUNCTION "change_log_append_pending"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
  VALUES (NEW.entity, NEW.entity_id, NEW.kind, NEW.author_id, NEW.author_name, NEW.before, NEW.after, NEW.detail);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "change_log_unsequenced_append" BEFORE INSERT ON "change_log"
FOR EACH ROW WHEN (NEW.position IS NULL) EXECUTE FUNCTION "change_log_append_pending"();
