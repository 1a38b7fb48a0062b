CREATE TABLE "analytics_scope_learners" (
	"scope" text NOT NULL,
	"user_id" uuid NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "analytics_scope_learners_scope_user_id_pk" PRIMARY KEY("scope","user_id")
);
--> statement-breakpoint
-- Hand-written: filled from the learner-days it sums (lib/analytics/aggregates.ts keeps it from here on).
INSERT INTO analytics_scope_learners (scope, user_id, n)
  SELECT scope, user_id, sum(n) FROM analytics_learner_days GROUP BY scope, user_id HAVING sum(n) <> 0;
--> statement-breakpoint
ANALYZE analytics_scope_learners;
