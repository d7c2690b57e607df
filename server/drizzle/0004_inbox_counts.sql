CREATE TABLE "inboxes" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inboxes" ADD CONSTRAINT "inboxes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Writers of notifications wait until the migration commits, so the count below misses none and
-- the trigger counts every later one, whichever version of the server writes it.
LOCK TABLE "notifications" IN SHARE MODE;--> statement-breakpoint
-- The database keeps each user's unread count, so every writer of notifications keeps it right,
-- this version and one still running beside it during a rolling upgrade alike. The row's update
-- also takes the inbox's lock, which every writer of that user's notifications holds to commit.
CREATE FUNCTION "count_unread_notifications"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') AND NOT OLD.read THEN
    UPDATE inboxes SET unread = unread - 1 WHERE user_id = OLD.recipient_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.read THEN
    INSERT INTO inboxes (user_id, unread) VALUES (NEW.recipient_id, 1)
      ON CONFLICT (user_id) DO UPDATE SET unread = inboxes.unread + 1;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "notifications_count_unread" AFTER INSERT OR DELETE OR UPDATE OF "read", "recipient_id" ON "notifications"
  FOR EACH ROW EXECUTE FUNCTION "count_unread_notifications"();--> statement-breakpoint
-- The counts so far, once.
INSERT INTO "inboxes" ("user_id", "unread")
  SELECT "recipient_id", count(*) FROM "notifications" WHERE NOT "read" GROUP BY "recipient_id";
