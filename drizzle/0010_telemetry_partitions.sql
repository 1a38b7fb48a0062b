-- telemetry_events becomes a table partitioned by month of occurred_at, keeping its rows and ids.
-- Hand-written: drizzle-kit cannot express partitioning (lib/db/schema/telemetry.ts has the shape).
--  * exactly-once moves to telemetry_event_ids (a unique index on a partitioned table must contain
--    the partition key, so event_id alone can no longer be unique in telemetry_events itself);
--  * indexes: only those a reader uses (pkey, progress, user, recipe.* events, nudge events, received,
--    untimed stage.left); dropped: mission_type and type_time (no reader filters on them; the nudge lift,
--    which read nudge events by type, has a small partial index instead), the event_id unique key;
--  * months without a partition go to telemetry_events_default; telemetry_ensure_partition(month)
--    makes a month's partition (moving that month's rows out of the default), used here, by the
--    retention job (months ahead) and on demand (lib/db/queries/telemetry-partitions.ts).
CREATE TABLE "telemetry_event_ids" (
	"event_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "telemetry_events" RENAME TO "telemetry_events_unpartitioned";
--> statement-breakpoint
ALTER SEQUENCE "telemetry_events_id_seq" OWNED BY NONE;
--> statement-breakpoint
DROP INDEX "telemetry_progress_idx", "telemetry_mission_type_idx", "telemetry_user_idx", "telemetry_recipe_idx", "telemetry_type_time_idx", "telemetry_received_idx", "telemetry_stage_left_untimed_idx";
--> statement-breakpoint
CREATE TABLE "telemetry_events" (
	"id" bigint DEFAULT nextval('telemetry_events_id_seq') NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"user_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mission_id" uuid,
	"progress_id" uuid,
	"stage_key" text,
	"recipe_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
ALTER SEQUENCE "telemetry_events_id_seq" OWNED BY "telemetry_events"."id";
--> statement-breakpoint
CREATE TABLE "telemetry_events_default" PARTITION OF "telemetry_events" DEFAULT;
--> statement-breakpoint
-- The partition of the UTC month holding `m` (telemetry_events_yYYYYmMM), made if missing: rows of that
-- month waiting in the default partition move into it, in this transaction. Returns its name when it
-- was made, null when it existed. Serialised by an advisory lock (two instances may ask at once).
CREATE FUNCTION telemetry_ensure_partition(m timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  lo timestamptz := date_trunc('month', m AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  hi timestamptz := (date_trunc('month', m AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC';
  part text := 'telemetry_events_y' || to_char(m AT TIME ZONE 'UTC', 'YYYY') || 'm' || to_char(m AT TIME ZONE 'UTC', 'MM');
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('telemetry_events partitions'));
  IF EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'telemetry_events'::regclass AND c.relname = part) THEN
    RETURN NULL;
  END IF;
  EXECUTE format('CREATE TABLE %I (LIKE telemetry_events INCLUDING DEFAULTS)', part);
  EXECUTE format('WITH moved AS (DELETE FROM telemetry_events_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved', lo, hi, part);
  -- The check lets ATTACH skip scanning the new partition; the default partition is still checked.
  EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (occurred_at >= %L AND occurred_at < %L)', part, part || '_range', lo, hi);
  EXECUTE format('ALTER TABLE telemetry_events ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range');
  RETURN part;
END $$;
--> statement-breakpoint
-- A partition for every month of the last two years that holds events, and this month and the next two.
SELECT telemetry_ensure_partition(m) FROM (
  SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS m FROM "telemetry_events_unpartitioned"
  WHERE occurred_at >= now() - interval '2 years' AND occurred_at < now() + interval '3 months'
  UNION SELECT now() + g * interval '1 month' FROM generate_series(0, 2) g
) months;
--> statement-breakpoint
INSERT INTO "telemetry_events" ("id", "event_id", "type", "user_id", "occurred_at", "received_at", "mission_id", "progress_id", "stage_key", "recipe_id", "payload")
  SELECT "id", "event_id", "type", "user_id", "occurred_at", "received_at", "mission_id", "progress_id", "stage_key", "recipe_id", "payload"
  FROM "telemetry_events_unpartitioned";
--> statement-breakpoint
INSERT INTO "telemetry_event_ids" ("event_id") SELECT "event_id" FROM "telemetry_events_unpartitioned";
--> statement-breakpoint
ALTER TABLE "telemetry_events" ADD CONSTRAINT "telemetry_events_id_occurred_at_pk" PRIMARY KEY("id","occurred_at");
--> statement-breakpoint
CREATE INDEX "telemetry_progress_idx" ON "telemetry_events" USING btree ("progress_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "telemetry_user_idx" ON "telemetry_events" USING btree ("user_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "telemetry_recipe_idx" ON "telemetry_events" USING btree ("recipe_id","type","occurred_at") WHERE "telemetry_events"."recipe_id" is not null;
--> statement-breakpoint
CREATE INDEX "telemetry_nudge_idx" ON "telemetry_events" USING btree ("progress_id","stage_key") WHERE "telemetry_events"."type" in ('nudge.shown', 'nudge.opened');
--> statement-breakpoint
CREATE INDEX "telemetry_received_idx" ON "telemetry_events" USING btree ("received_at","id");
--> statement-breakpoint
CREATE INDEX "telemetry_stage_left_untimed_idx" ON "telemetry_events" USING btree ("progress_id") WHERE "telemetry_events"."type" = 'stage.left' and jsonb_typeof("telemetry_events"."payload" -> 'visible_ms') is distinct from 'number';
--> statement-breakpoint
-- The old table's triggers (0001's analytics dirty mark, and any a later migration added before this
-- one ran) move to the partitioned table unchanged.
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = 'telemetry_events_unpartitioned'::regclass AND NOT tgisinternal LOOP
    EXECUTE regexp_replace(t.def, ' ON (public\.)?telemetry_events_unpartitioned ', ' ON telemetry_events ');
  END LOOP;
END $$;
--> statement-breakpoint
DROP TABLE "telemetry_events_unpartitioned";
