-- Abandoned attempts from the aggregates (lib/analytics/abandoned.ts): every open attempt is an `open`
-- item keyed by its current stage, valued by the UTC day of its last activity. An attempt update now
-- logs a change also when its current stage moves or its last activity reaches a new UTC day (once a
-- day per attempt in use); other last_activity_at bumps and reflection drafts still do not.
CREATE OR REPLACE FUNCTION analytics_mark_attempt_updates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_changes (progress_id)
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.mission_id, n.user_id, n.attempt, n.state, n.path, n.started_at, n.submitted_at, n.score, n.passed,
           n.current_stage, (n.last_activity_at AT TIME ZONE 'UTC')::date)
      IS DISTINCT FROM (o.mission_id, o.user_id, o.attempt, o.state, o.path, o.started_at, o.submitted_at, o.score, o.passed,
           o.current_stage, (o.last_activity_at AT TIME ZONE 'UTC')::date);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The open attempts gain their `open` item when the consumer applies them (after a deploy, the figures
-- say "as of" until it has).
INSERT INTO analytics_changes (progress_id) SELECT id FROM mission_progress WHERE state IN ('in_progress', 'changes_requested');
