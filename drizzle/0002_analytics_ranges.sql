CREATE TABLE "analytics_ranges" (
	"scope" text PRIMARY KEY NOT NULL,
	"base" text NOT NULL,
	"from_at" timestamp with time zone,
	"to_at" timestamp with time zone,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "mission_progress_open_idx";--> statement-breakpoint
CREATE INDEX "mission_progress_open_idx" ON "mission_progress" USING btree ("last_activity_at","mission_id","current_stage","user_id","started_at") WHERE "mission_progress"."state" in ('in_progress', 'changes_requested');--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express INCLUDE): every dashboard section reads one scope and kind
-- of mission_rollup_items, and distinct learners count one scope of learner_cells. Carrying the
-- figures in the primary key's index lets those reads be index-only scans instead of visiting the
-- heap pages the refreshes scatter rows over (the percentile read: 12 ms -> 4 ms at 100k attempts).
ALTER TABLE "mission_rollup_items" DROP CONSTRAINT "mission_rollup_items_scope_kind_mission_id_key_sub_value_pk";--> statement-breakpoint
ALTER TABLE "mission_rollup_items" ADD CONSTRAINT "mission_rollup_items_scope_kind_mission_id_key_sub_value_pk" PRIMARY KEY ("scope","kind","mission_id","key","sub","value") INCLUDE ("n","n2","n3","total","max");--> statement-breakpoint
ALTER TABLE "learner_cells" DROP CONSTRAINT "learner_cells_scope_user_id_pk";--> statement-breakpoint
ALTER TABLE "learner_cells" ADD CONSTRAINT "learner_cells_scope_user_id_pk" PRIMARY KEY ("scope","user_id") INCLUDE ("cells");--> statement-breakpoint
-- Index-only scans need the visibility map: vacuum these after a few percent of their rows change
-- (a refresh rewrites a mission's rows), not the default 20 %.
ALTER TABLE "mission_rollup_items" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05);--> statement-breakpoint
ALTER TABLE "learner_cells" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.05);
