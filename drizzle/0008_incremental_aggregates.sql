CREATE TABLE "analytics_attempts" (
	"progress_id" uuid PRIMARY KEY NOT NULL,
	"mission_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"scopes" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"progress_id" uuid,
	"user_id" uuid,
	"mission_id" uuid,
	"logged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_daily" (
	"scope" text NOT NULL,
	"mission_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"sub" text DEFAULT '' NOT NULL,
	"value" double precision DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"total" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_daily_scope_kind_mission_id_day_key_sub_value_pk" PRIMARY KEY("scope","kind","mission_id","day","key","sub","value")
);
--> statement-breakpoint
CREATE TABLE "analytics_facts" (
	"progress_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"sub" text DEFAULT '' NOT NULL,
	"value" double precision DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"total" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_facts_progress_id_kind_key_sub_value_pk" PRIMARY KEY("progress_id","kind","key","sub","value")
);
--> statement-breakpoint
CREATE TABLE "analytics_learner_days" (
	"scope" text NOT NULL,
	"mission_id" uuid NOT NULL,
	"day" date NOT NULL,
	"user_id" uuid NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_learner_days_scope_mission_id_day_user_id_pk" PRIMARY KEY("scope","mission_id","day","user_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_scope_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP TABLE "analytics_dirty" CASCADE;--> statement-breakpoint
DROP TABLE "analytics_ranges" CASCADE;--> statement-breakpoint
DROP TABLE "learner_cells" CASCADE;--> statement-breakpoint
DROP TABLE "mission_rollup_items" CASCADE;--> statement-breakpoint
ALTER TABLE "analytics_generation" ADD COLUMN "applied_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "analytics_attempts_user_idx" ON "analytics_attempts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "analytics_attempts_mission_idx" ON "analytics_attempts" USING btree ("mission_id");--> statement-breakpoint
-- Hand-written from here. The change log of the incremental aggregates (lib/analytics/aggregates.ts):
-- the statement triggers of 0001/0003 keep their names and tables and now append, in the writer's
-- transaction, WHAT changed (an attempt, a learner's memberships, a mission's content) to
-- analytics_changes instead of marking a whole mission dirty. One INSERT per statement.
CREATE OR REPLACE FUNCTION analytics_mark_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_changes (progress_id) SELECT id FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_changes (progress_id) SELECT id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Attempt updates log only when a figure can change: last_activity_at bumps and reflection drafts do not.
CREATE OR REPLACE FUNCTION analytics_mark_attempt_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_changes (progress_id)
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.mission_id, n.user_id, n.attempt, n.state, n.path, n.started_at, n.submitted_at, n.score, n.passed)
      IS DISTINCT FROM (o.mission_id, o.user_id, o.attempt, o.state, o.path, o.started_at, o.submitted_at, o.score, o.passed);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Child rows of an attempt (stage completions and time, decisions, hints, tools, reviews) carry its id.
CREATE OR REPLACE FUNCTION analytics_mark_attempt_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_changes (progress_id) SELECT DISTINCT progress_id FROM new_rows WHERE progress_id IS NOT NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_changes (progress_id) SELECT DISTINCT progress_id FROM old_rows WHERE progress_id IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER stage_time_dirty_ins ON stage_time;--> statement-breakpoint
DROP TRIGGER stage_time_dirty_upd ON stage_time;--> statement-breakpoint
DROP TRIGGER stage_time_dirty_del ON stage_time;--> statement-breakpoint
CREATE TRIGGER stage_time_dirty_ins AFTER INSERT ON stage_time REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER stage_time_dirty_upd AFTER UPDATE ON stage_time REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER stage_time_dirty_del AFTER DELETE ON stage_time REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
-- Only stage.left events without a numeric visible_ms change figures directly (paired with their
-- stage.entered); timed ones reach the aggregates through stage_time.
CREATE OR REPLACE FUNCTION analytics_mark_untimed_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_changes (progress_id)
    SELECT DISTINCT progress_id FROM new_rows
    WHERE type = 'stage.left' AND progress_id IS NOT NULL AND jsonb_typeof(payload -> 'visible_ms') IS DISTINCT FROM 'number';
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A learner joining or leaving a cohort moves their attempts between cohort and organisation scopes.
CREATE OR REPLACE FUNCTION analytics_mark_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_changes (user_id) SELECT DISTINCT user_id FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_changes (user_id) SELECT DISTINCT user_id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A content version changes which choice is the expert's (the deviation figures) and the titles shown.
CREATE OR REPLACE FUNCTION analytics_mark_missions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO analytics_changes (mission_id)
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.code, n.title, n.track, n.tier, n.skills, n.version, n.content_hash)
        IS DISTINCT FROM (o.code, o.title, o.track, o.tier, o.skills, o.version, o.content_hash);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_changes (mission_id) SELECT id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION analytics_mark_review_scores() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_changes (progress_id) SELECT DISTINCT r.progress_id FROM new_rows s JOIN reviews r ON r.id = s.review_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_changes (progress_id) SELECT DISTINCT r.progress_id FROM old_rows s JOIN reviews r ON r.id = s.review_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Every attempt already in the database is applied by the first run of the consumer.
INSERT INTO analytics_changes (progress_id) SELECT id FROM mission_progress;
