CREATE TABLE "inboxes" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inboxes" ADD CONSTRAINT "inboxes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The counts so far, once; from here on every writer of a user's notifications keeps them.
INSERT INTO "inboxes" ("user_id", "unread")
  SELECT "recipient_id", count(*) FROM "notifications" WHERE NOT "read" GROUP BY "recipient_id";
