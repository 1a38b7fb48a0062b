CREATE TABLE "analytics_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mission_id" uuid NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_cells" (
	"scope" text DEFAULT '' NOT NULL,
	"user_id" uuid NOT NULL,
	"cells" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "learner_cells_scope_user_id_pk" PRIMARY KEY("scope","user_id")
);
--> statement-breakpoint
CREATE TABLE "mission_rollup_items" (
	"scope" text DEFAULT '' NOT NULL,
	"mission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"sub" text DEFAULT '' NOT NULL,
	"value" double precision DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"total" double precision DEFAULT 0 NOT NULL,
	"max" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "mission_rollup_items_scope_kind_mission_id_key_sub_value_pk" PRIMARY KEY("scope","kind","mission_id","key","sub","value")
);
--> statement-breakpoint
ALTER TABLE "analytics_cache" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "analytics_cache" CASCADE;--> statement-breakpoint
ALTER TABLE "learner_cells" ADD CONSTRAINT "learner_cells_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_rollup_items" ADD CONSTRAINT "mission_rollup_items_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "learner_cells_user_idx" ON "learner_cells" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "mission_rollup_items_mission_idx" ON "mission_rollup_items" USING btree ("mission_id");--> statement-breakpoint
CREATE INDEX "mission_progress_mission_started_idx" ON "mission_progress" USING btree ("mission_id","started_at");--> statement-breakpoint
CREATE INDEX "mission_progress_started_idx" ON "mission_progress" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "mission_progress_open_idx" ON "mission_progress" USING btree ("last_activity_at","mission_id","current_stage","user_id") WHERE "mission_progress"."state" in ('in_progress', 'changes_requested');--> statement-breakpoint
-- Dirty marks for the analytics rollup (lib/analytics/rollup.ts). Statement-level triggers with
-- transition tables: one INSERT per statement, however many rows it wrote, so bulk writes and the
-- telemetry ingest stay cheap. Attempt rows carry their mission; child rows find it through the attempt.
CREATE FUNCTION analytics_mark_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_dirty (mission_id) SELECT DISTINCT mission_id FROM new_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_dirty (mission_id) SELECT DISTINCT mission_id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Attempt updates mark their mission only when a figure can change: last_activity_at bumps and
-- reflection drafts (most updates) do not.
CREATE FUNCTION analytics_mark_attempt_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_dirty (mission_id)
    SELECT DISTINCT n.mission_id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.mission_id, n.user_id, n.attempt, n.state, n.path, n.started_at, n.submitted_at, n.score, n.passed)
      IS DISTINCT FROM (o.mission_id, o.user_id, o.attempt, o.state, o.path, o.started_at, o.submitted_at, o.score, o.passed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION analytics_mark_attempt_children() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_dirty (mission_id)
      SELECT DISTINCT p.mission_id FROM new_rows r JOIN mission_progress p ON p.id = r.progress_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_dirty (mission_id)
      SELECT DISTINCT p.mission_id FROM old_rows r JOIN mission_progress p ON p.id = r.progress_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only stage.left events without a numeric visible_ms change dashboard figures directly (they are
-- paired with their stage.entered at read time); timed ones reach the rollup through stage_time.
CREATE FUNCTION analytics_mark_untimed_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_dirty (mission_id)
    SELECT DISTINCT mission_id FROM new_rows
    WHERE type = 'stage.left' AND mission_id IS NOT NULL AND jsonb_typeof(payload -> 'visible_ms') IS DISTINCT FROM 'number';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER mission_progress_dirty_ins AFTER INSERT ON mission_progress REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempts();
--> statement-breakpoint
CREATE TRIGGER mission_progress_dirty_upd AFTER UPDATE ON mission_progress REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_updates();
--> statement-breakpoint
CREATE TRIGGER mission_progress_dirty_del AFTER DELETE ON mission_progress REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempts();
--> statement-breakpoint
CREATE TRIGGER stage_time_dirty_ins AFTER INSERT ON stage_time REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempts();
--> statement-breakpoint
CREATE TRIGGER stage_time_dirty_upd AFTER UPDATE ON stage_time REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempts();
--> statement-breakpoint
CREATE TRIGGER stage_time_dirty_del AFTER DELETE ON stage_time REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempts();
--> statement-breakpoint
CREATE TRIGGER telemetry_untimed_dirty_ins AFTER INSERT ON telemetry_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_untimed_events();
--> statement-breakpoint
CREATE TRIGGER stage_completions_dirty_ins AFTER INSERT ON stage_completions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER stage_completions_dirty_upd AFTER UPDATE ON stage_completions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER stage_completions_dirty_del AFTER DELETE ON stage_completions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER decisions_made_dirty_ins AFTER INSERT ON decisions_made REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER decisions_made_dirty_upd AFTER UPDATE ON decisions_made REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER decisions_made_dirty_del AFTER DELETE ON decisions_made REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER hints_unlocked_dirty_ins AFTER INSERT ON hints_unlocked REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER hints_unlocked_dirty_upd AFTER UPDATE ON hints_unlocked REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER hints_unlocked_dirty_del AFTER DELETE ON hints_unlocked REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER tools_used_dirty_ins AFTER INSERT ON tools_used REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER tools_used_dirty_upd AFTER UPDATE ON tools_used REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER tools_used_dirty_del AFTER DELETE ON tools_used REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
-- Cohort membership decides which cohort and organisation scopes an attempt is rolled up for: a
-- learner joining or leaving a cohort marks every mission they have attempted.
CREATE FUNCTION analytics_mark_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_dirty (mission_id)
      SELECT DISTINCT p.mission_id FROM new_rows r JOIN mission_progress p ON p.user_id = r.user_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_dirty (mission_id)
      SELECT DISTINCT p.mission_id FROM old_rows r JOIN mission_progress p ON p.user_id = r.user_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER cohort_members_dirty_ins AFTER INSERT ON cohort_members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_members();
--> statement-breakpoint
CREATE TRIGGER cohort_members_dirty_upd AFTER UPDATE ON cohort_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_members();
--> statement-breakpoint
CREATE TRIGGER cohort_members_dirty_del AFTER DELETE ON cohort_members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_members();
--> statement-breakpoint
-- Every mission already in the database starts dirty: the first dashboard read builds its rollup.
INSERT INTO analytics_dirty (mission_id) SELECT id FROM missions;
