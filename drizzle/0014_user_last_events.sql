CREATE TABLE "user_last_events" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_last_events" ADD CONSTRAINT "user_last_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written: each user's latest event so far, as the cohort dashboard read it from raw events
-- (the abandonment sweep's mission.abandoned excepted: it records inactivity, not activity).
INSERT INTO "user_last_events" ("user_id", "last_event_at")
SELECT e."user_id", max(e."occurred_at") FROM "telemetry_events" e JOIN "users" u ON u."id" = e."user_id"
WHERE e."type" <> 'mission.abandoned' GROUP BY e."user_id";
