CREATE TABLE "ai_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"based_on_version" integer NOT NULL,
	"model" text NOT NULL,
	"criterion_key" text NOT NULL,
	"level_index" integer NOT NULL,
	"remark" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_suggestions_decision_ck" CHECK (decision is null or decision in ('accepted','edited','rejected'))
);
--> statement-breakpoint
CREATE TABLE "mission_moderation" (
	"mission_id" uuid PRIMARY KEY NOT NULL,
	"double_marking_percent" integer DEFAULT 0 NOT NULL,
	"threshold_points" real DEFAULT 10 NOT NULL,
	"first_marks" integer DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_moderation_percent_ck" CHECK ("mission_moderation"."double_marking_percent" between 0 and 100),
	CONSTRAINT "mission_moderation_threshold_ck" CHECK ("mission_moderation"."threshold_points" >= 0 and "mission_moderation"."threshold_points" <= 100)
);
--> statement-breakpoint
CREATE TABLE "moderations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"based_on_version" integer NOT NULL,
	"mission_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"moderator_id" uuid,
	"final_review_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "moderations_status_ck" CHECK (status in ('second_marking','moderation','final'))
);
--> statement-breakpoint
CREATE TABLE "review_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"moderation_id" uuid NOT NULL,
	"progress_id" uuid NOT NULL,
	"based_on_version" integer NOT NULL,
	"round" integer NOT NULL,
	"mentor_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"score" real NOT NULL,
	"passed" boolean NOT NULL,
	"levels" jsonb NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_marks_round_ck" CHECK ("review_marks"."round" in (1, 2)),
	CONSTRAINT "review_marks_outcome_ck" CHECK (outcome in ('approved','changes_requested','failed'))
);
--> statement-breakpoint
ALTER TABLE "review_scores" ADD COLUMN "ai_assisted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_suggestions" ADD CONSTRAINT "ai_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_moderation" ADD CONSTRAINT "mission_moderation_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_moderation" ADD CONSTRAINT "mission_moderation_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderations" ADD CONSTRAINT "moderations_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderations" ADD CONSTRAINT "moderations_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderations" ADD CONSTRAINT "moderations_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderations" ADD CONSTRAINT "moderations_final_review_id_reviews_id_fk" FOREIGN KEY ("final_review_id") REFERENCES "public"."reviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_marks" ADD CONSTRAINT "review_marks_moderation_id_moderations_id_fk" FOREIGN KEY ("moderation_id") REFERENCES "public"."moderations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_marks" ADD CONSTRAINT "review_marks_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_marks" ADD CONSTRAINT "review_marks_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ai_suggestions_uq" ON "ai_suggestions" USING btree ("progress_id","based_on_version","criterion_key");--> statement-breakpoint
CREATE UNIQUE INDEX "moderations_version_uq" ON "moderations" USING btree ("progress_id","based_on_version");--> statement-breakpoint
CREATE INDEX "moderations_status_idx" ON "moderations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "moderations_mission_idx" ON "moderations" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_marks_round_uq" ON "review_marks" USING btree ("moderation_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "review_marks_mentor_uq" ON "review_marks" USING btree ("moderation_id","mentor_id");--> statement-breakpoint
CREATE INDEX "review_marks_mentor_idx" ON "review_marks" USING btree ("mentor_id","created_at");