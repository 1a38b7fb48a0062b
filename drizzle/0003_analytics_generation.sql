CREATE TABLE "analytics_generation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"epoch" uuid DEFAULT gen_random_uuid() NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Hand-written from here. The one version row (lib/analytics/memo.ts reads it on every rolled-up answer).
INSERT INTO "analytics_generation" ("id") VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Dashboards show mission codes, titles, stage titles, decision prompts and which choice is the
-- expert's, and the rollup's deviation items depend on that choice. A content import rewrites those
-- child rows only together with an update of the mission row (new version, new content hash), so a
-- changed mission row marks the mission for the next refresh, which recomputes it and moves the
-- rollup's version on. Unchanged re-imports do not write the row and mark nothing.
CREATE FUNCTION analytics_mark_missions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO analytics_dirty (mission_id) SELECT id FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO analytics_dirty (mission_id)
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.code, n.title, n.track, n.tier, n.skills, n.version, n.content_hash)
        IS DISTINCT FROM (o.code, o.title, o.track, o.tier, o.skills, o.version, o.content_hash);
  ELSE
    INSERT INTO analytics_dirty (mission_id) SELECT id FROM old_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER missions_dirty_ins AFTER INSERT ON missions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_missions();
--> statement-breakpoint
CREATE TRIGGER missions_dirty_upd AFTER UPDATE ON missions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_missions();
--> statement-breakpoint
CREATE TRIGGER missions_dirty_del AFTER DELETE ON missions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_missions();
--> statement-breakpoint
-- Reviews and their rubric scores decide the cohort dashboard's skill mastery. A review is always
-- written with a change of its attempt's state (which marks already); these make the rule hold
-- for any writer.
CREATE FUNCTION analytics_mark_review_scores() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_dirty (mission_id)
      SELECT DISTINCT p.mission_id FROM new_rows s JOIN reviews r ON r.id = s.review_id JOIN mission_progress p ON p.id = r.progress_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_dirty (mission_id)
      SELECT DISTINCT p.mission_id FROM old_rows s JOIN reviews r ON r.id = s.review_id JOIN mission_progress p ON p.id = r.progress_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER reviews_dirty_ins AFTER INSERT ON reviews REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER reviews_dirty_upd AFTER UPDATE ON reviews REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER reviews_dirty_del AFTER DELETE ON reviews REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_attempt_children();
--> statement-breakpoint
CREATE TRIGGER review_scores_dirty_ins AFTER INSERT ON review_scores REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_review_scores();
--> statement-breakpoint
CREATE TRIGGER review_scores_dirty_upd AFTER UPDATE ON review_scores REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_review_scores();
--> statement-breakpoint
CREATE TRIGGER review_scores_dirty_del AFTER DELETE ON review_scores REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_mark_review_scores();
