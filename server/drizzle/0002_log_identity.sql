CREATE TABLE "change_log_identity" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"log_id" uuid DEFAULT gen_random_uuid() NOT NULL
);
--> statement-breakpoint
-- Made here, once, so every instance that starts on this database reads the same identity.
INSERT INTO "change_log_identity" DEFAULT VALUES;
