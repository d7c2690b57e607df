ALTER TABLE "change_log" DROP CONSTRAINT "change_log_pkey";--> statement-breakpoint
DROP INDEX "change_log_occurred_idx";--> statement-breakpoint
ALTER TABLE "change_log" ALTER COLUMN "position" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "change_log" ALTER COLUMN "position" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "change_log" ADD COLUMN "id" bigint PRIMARY KEY NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "change_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
CREATE UNIQUE INDEX "change_log_position_idx" ON "change_log" USING btree ("position") WHERE "change_log"."position" is not null;--> statement-breakpoint
CREATE INDEX "change_log_unsequenced_idx" ON "change_log" USING btree ("id") WHERE "change_log"."position" is null;--> statement-breakpoint
-- Gives positions, in commit order, to the changes that committed without one. Writers append
-- without any lock; a change is sequenced once its transaction has committed, by whoever calls
-- this next (its own writer, right after commit, or any instance's periodic sweep). The lock is
-- held only inside this one call, never across a client's round trips, and serialises sequencers
-- so that positions become visible in the order they are given. Each statement of a volatile
-- PL/pgSQL function takes a new snapshot, so the update sees every change committed before the
-- lock was granted. Among changes committed by then, append order (id) decides; for one entity it
-- is commit order, since a writer appends only after it holds the entity's row lock.
CREATE FUNCTION "sequence_changes"("batch" integer) RETURNS SETOF "change_log"
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(727311002);
  SELECT greatest(coalesce(max(c.position), 0), coalesce((SELECT h.position FROM change_log_horizon h WHERE h.id = 1), 0))
    INTO head FROM change_log c;
  RETURN QUERY
    UPDATE change_log AS c
    SET position = head + pending.n, occurred_at = clock_timestamp()
    FROM (
      SELECT u.id, row_number() OVER (ORDER BY u.id) AS n
      FROM change_log u WHERE u.position IS NULL ORDER BY u.id LIMIT batch
    ) AS pending
    WHERE c.id = pending.id
    RETURNING c.*;
END
$$;
