CREATE TABLE "analytics_totals" (
	"scope" text NOT NULL,
	"kind" text NOT NULL,
	"mission_id" uuid NOT NULL,
	"key" text DEFAULT '' NOT NULL,
	"sub" text DEFAULT '' NOT NULL,
	"value" double precision DEFAULT 0 NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"n2" integer DEFAULT 0 NOT NULL,
	"n3" integer DEFAULT 0 NOT NULL,
	"total" numeric DEFAULT '0' NOT NULL,
	CONSTRAINT "analytics_totals_scope_kind_mission_id_key_sub_value_pk" PRIMARY KEY("scope","kind","mission_id","key","sub","value")
);
--> statement-breakpoint
-- Hand-written from here (lib/analytics/aggregates.ts). The all-time buckets start as the sum of the
-- daily ones, so the aggregates stay consistent; then every attempt is logged once, so the change
-- consumer re-applies it with its histogram values rounded to 3 significant digits (histogramValue in
-- lib/analytics/items.ts): it subtracts the exact values stored before and adds the rounded ones.
INSERT INTO analytics_totals (scope, kind, mission_id, key, sub, value, n, n2, n3, total)
  SELECT scope, kind, mission_id, key, sub, value, sum(n), sum(n2), sum(n3), sum(total) FROM analytics_daily
  GROUP BY scope, kind, mission_id, key, sub, value
  HAVING sum(n) <> 0 OR sum(n2) <> 0 OR sum(n3) <> 0 OR sum(total) <> 0;
--> statement-breakpoint
-- Statistics before the consumer's first batch: without them its delete of emptied buckets was planned
-- as a scan of the whole table per row (13 minutes for one batch at 100k attempts).
ANALYZE analytics_totals;
--> statement-breakpoint
INSERT INTO analytics_changes (progress_id) SELECT id FROM mission_progress;
