CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "cohort_members" (
	"cohort_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_members_cohort_id_user_id_pk" PRIMARY KEY("cohort_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "mentor_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentor_id" uuid NOT NULL,
	"learner_id" uuid,
	"cohort_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_assignments_target_ck" CHECK (("mentor_assignments"."learner_id" is null) <> ("mentor_assignments"."cohort_id" is null))
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text DEFAULT 'learner' NOT NULL,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_ck" CHECK (role in ('learner','mentor','admin','enterprise'))
);
--> statement-breakpoint
CREATE TABLE "foundation_completions" (
	"user_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "foundation_completions_user_id_module_id_pk" PRIMARY KEY("user_id","module_id")
);
--> statement-breakpoint
CREATE TABLE "foundation_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"position" integer NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	CONSTRAINT "foundation_modules_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "track_enrolments" (
	"user_id" uuid NOT NULL,
	"track" text NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "track_enrolments_user_id_track_pk" PRIMARY KEY("user_id","track"),
	CONSTRAINT "track_enrolments_track_ck" CHECK (track in ('defender','offensive','grc','innovation','leadership'))
);
--> statement-breakpoint
CREATE TABLE "decision_choices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"consequence" text NOT NULL,
	"next_stage" text NOT NULL,
	"score_delta" integer DEFAULT 0 NOT NULL,
	"ideal" boolean DEFAULT false NOT NULL,
	"rationale" text,
	CONSTRAINT "decision_choices_delta_ck" CHECK ("decision_choices"."score_delta" between -20 and 20)
);
--> statement-breakpoint
CREATE TABLE "decision_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"key" text NOT NULL,
	"after_stage" text NOT NULL,
	"prompt" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stage_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"text" text NOT NULL,
	"penalty" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "hints_penalty_ck" CHECK ("hints"."penalty" >= 0),
	CONSTRAINT "hints_level_ck" CHECK ("hints"."level" >= 1)
);
--> statement-breakpoint
CREATE TABLE "mission_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"instructions" text NOT NULL,
	"required_skills" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"notes_min_chars" integer DEFAULT 0 NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"has_answer" boolean DEFAULT false NOT NULL,
	"next" text,
	CONSTRAINT "mission_stages_weight_ck" CHECK ("mission_stages"."weight" >= 0)
);
--> statement-breakpoint
CREATE TABLE "mission_versions" (
	"mission_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_versions_mission_id_version_pk" PRIMARY KEY("mission_id","version")
);
--> statement-breakpoint
CREATE TABLE "missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"track" text NOT NULL,
	"tier" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"story" text NOT NULL,
	"objectives" jsonb NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"skills" jsonb NOT NULL,
	"time_constraint_hours" real,
	"auto_submit_on_deadline" boolean DEFAULT false NOT NULL,
	"reflection_required" boolean DEFAULT true NOT NULL,
	"min_score" real DEFAULT 60 NOT NULL,
	"success_criteria" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "missions_code_unique" UNIQUE("code"),
	CONSTRAINT "missions_code_ck" CHECK ("missions"."code" ~ '^[A-Z]{2,6}-[0-9]{2,3}$'),
	CONSTRAINT "missions_track_ck" CHECK (track in ('defender','offensive','grc','innovation','leadership')),
	CONSTRAINT "missions_tier_ck" CHECK (tier in ('beginner','intermediate','advanced','mastery')),
	CONSTRAINT "missions_status_ck" CHECK (status in ('draft','published','archived')),
	CONSTRAINT "missions_time_ck" CHECK ("missions"."time_constraint_hours" is null or "missions"."time_constraint_hours" > 0),
	CONSTRAINT "missions_min_score_ck" CHECK ("missions"."min_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "rubric_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"key" text NOT NULL,
	"stage_key" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"position" integer NOT NULL,
	"skills" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "rubric_criteria_weight_ck" CHECK ("rubric_criteria"."weight" > 0)
);
--> statement-breakpoint
CREATE TABLE "rubric_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"criterion_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"points" real NOT NULL,
	"label" text NOT NULL,
	"descriptor" text NOT NULL,
	CONSTRAINT "rubric_levels_points_ck" CHECK ("rubric_levels"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "recipe_bookmarks" (
	"user_id" uuid NOT NULL,
	"recipe_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recipe_bookmarks_user_id_recipe_id_pk" PRIMARY KEY("user_id","recipe_id")
);
--> statement-breakpoint
CREATE TABLE "recipe_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipe_id" uuid NOT NULL,
	"mission_id" uuid,
	"stage_key" text,
	"module_id" uuid,
	"required" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"source" text DEFAULT 'mission' NOT NULL,
	CONSTRAINT "recipe_links_target_ck" CHECK (("recipe_links"."mission_id" is null) <> ("recipe_links"."module_id" is null))
);
--> statement-breakpoint
CREATE TABLE "recipe_progress" (
	"user_id" uuid NOT NULL,
	"recipe_id" uuid NOT NULL,
	"steps_completed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"view_count" integer DEFAULT 0 NOT NULL,
	"first_viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_viewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "recipe_progress_user_id_recipe_id_pk" PRIMARY KEY("user_id","recipe_id")
);
--> statement-breakpoint
CREATE TABLE "recipe_ratings" (
	"user_id" uuid NOT NULL,
	"recipe_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recipe_ratings_user_id_recipe_id_pk" PRIMARY KEY("user_id","recipe_id"),
	CONSTRAINT "recipe_ratings_ck" CHECK ("recipe_ratings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "recipe_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipe_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"command" text,
	"expected_outcome" text NOT NULL,
	"evidence_hint" text
);
--> statement-breakpoint
CREATE TABLE "recipe_uses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"recipe_id" uuid NOT NULL,
	"mission_id" uuid,
	"progress_id" uuid,
	"stage_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recipes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"description" text NOT NULL,
	"type" text NOT NULL,
	"difficulty" text NOT NULL,
	"estimated_minutes" integer NOT NULL,
	"skills" jsonb NOT NULL,
	"tools" jsonb NOT NULL,
	"prerequisites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"related" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"environment" text DEFAULT '' NOT NULL,
	"validation_checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mentor_curated" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(search_text, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recipes_slug_unique" UNIQUE("slug"),
	CONSTRAINT "recipes_type_ck" CHECK (type in ('technical','analysis','tooling','process','communication')),
	CONSTRAINT "recipes_difficulty_ck" CHECK (difficulty in ('beginner','intermediate','advanced')),
	CONSTRAINT "recipes_status_ck" CHECK (status in ('draft','published','archived')),
	CONSTRAINT "recipes_minutes_ck" CHECK ("recipes"."estimated_minutes" between 5 and 60)
);
--> statement-breakpoint
CREATE TABLE "access_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"granted_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"cohort_id" uuid,
	"learner_id" uuid,
	"assigned_by" uuid NOT NULL,
	"due_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_target_ck" CHECK (("assignments"."cohort_id" is null) <> ("assignments"."learner_id" is null))
);
--> statement-breakpoint
CREATE TABLE "decisions_made" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"decision_key" text NOT NULL,
	"choice_key" text NOT NULL,
	"score_delta" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"kind" text NOT NULL,
	"file_name" text,
	"content_type" text,
	"size" bigint,
	"sha256" text,
	"storage_key" text,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_kind_ck" CHECK ("evidence"."kind" in ('file','link')),
	CONSTRAINT "evidence_shape_ck" CHECK (("evidence"."kind" = 'file' and "evidence"."sha256" is not null and "evidence"."storage_key" is not null) or ("evidence"."kind" = 'link' and "evidence"."url" is not null))
);
--> statement-breakpoint
CREATE TABLE "hints_unlocked" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"level" integer NOT NULL,
	"penalty" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mission_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"mission_version" integer NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"state" text DEFAULT 'in_progress' NOT NULL,
	"current_stage" text,
	"path" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"reflection" text,
	"hint_penalty" integer DEFAULT 0 NOT NULL,
	"decision_delta" integer DEFAULT 0 NOT NULL,
	"prescore" jsonb,
	"score" real,
	"passed" boolean,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mission_progress_state_ck" CHECK (state in ('not_started','in_progress','submitted','in_review','approved','changes_requested','failed','expired')),
	CONSTRAINT "mission_progress_score_ck" CHECK ("mission_progress"."score" is null or "mission_progress"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "portfolio_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"progress_id" uuid NOT NULL,
	"mission_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"track" text NOT NULL,
	"tier" text NOT NULL,
	"score" real NOT NULL,
	"rubric_summary" jsonb NOT NULL,
	"reflection" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"public_slug" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_items_progress_id_unique" UNIQUE("progress_id"),
	CONSTRAINT "portfolio_items_public_slug_unique" UNIQUE("public_slug")
);
--> statement-breakpoint
CREATE TABLE "review_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"criterion_key" text NOT NULL,
	"stage_key" text,
	"level_index" integer NOT NULL,
	"points" real NOT NULL,
	"max_points" real NOT NULL,
	"remark" text
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"based_on_version" integer NOT NULL,
	"outcome" text NOT NULL,
	"score" real NOT NULL,
	"passed" boolean NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"stage_feedback" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"recommended_recipes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_outcome_ck" CHECK (outcome in ('approved','changes_requested','failed'))
);
--> statement-breakpoint
CREATE TABLE "stage_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"answer" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tools_used" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"tool" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_time" (
	"progress_id" uuid NOT NULL,
	"stage_key" text NOT NULL,
	"mission_id" uuid NOT NULL,
	"visible_ms" double precision DEFAULT 0 NOT NULL,
	"visits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stage_time_progress_id_stage_key_pk" PRIMARY KEY("progress_id","stage_key")
);
--> statement-breakpoint
CREATE TABLE "telemetry_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"user_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mission_id" uuid,
	"progress_id" uuid,
	"stage_key" text,
	"recipe_id" uuid,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "telemetry_events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_learner_id_users_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_assignments" ADD CONSTRAINT "mentor_assignments_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foundation_completions" ADD CONSTRAINT "foundation_completions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "foundation_completions" ADD CONSTRAINT "foundation_completions_module_id_foundation_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."foundation_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "track_enrolments" ADD CONSTRAINT "track_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_choices" ADD CONSTRAINT "decision_choices_decision_id_decision_points_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_points" ADD CONSTRAINT "decision_points_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hints" ADD CONSTRAINT "hints_stage_id_mission_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."mission_stages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_stages" ADD CONSTRAINT "mission_stages_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_versions" ADD CONSTRAINT "mission_versions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_criteria" ADD CONSTRAINT "rubric_criteria_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rubric_levels" ADD CONSTRAINT "rubric_levels_criterion_id_rubric_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."rubric_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_bookmarks" ADD CONSTRAINT "recipe_bookmarks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_bookmarks" ADD CONSTRAINT "recipe_bookmarks_recipe_id_recipes_id_fk" FOREIGN KEY ("recipe_id") REFERENCES "public"."recipes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_links" ADD CONSTRAINT "recipe_links_recipe_id_recipes_id_fk" FOREIGN KEY ("recipe_id") REFERENCES "public"."recipes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_links" ADD CONSTRAINT "recipe_links_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_links" ADD CONSTRAINT "recipe_links_module_id_foundation_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."foundation_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_progress" ADD CONSTRAINT "recipe_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_progress" ADD CONSTRAINT "recipe_progress_recipe_id_recipes_id_fk" FOREIGN KEY ("recipe_id") REFERENCES "public"."recipes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_ratings" ADD CONSTRAINT "recipe_ratings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_ratings" ADD CONSTRAINT "recipe_ratings_recipe_id_recipes_id_fk" FOREIGN KEY ("recipe_id") REFERENCES "public"."recipes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_steps" ADD CONSTRAINT "recipe_steps_recipe_id_recipes_id_fk" FOREIGN KEY ("recipe_id") REFERENCES "public"."recipes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_uses" ADD CONSTRAINT "recipe_uses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_uses" ADD CONSTRAINT "recipe_uses_recipe_id_recipes_id_fk" FOREIGN KEY ("recipe_id") REFERENCES "public"."recipes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipe_uses" ADD CONSTRAINT "recipe_uses_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_exceptions" ADD CONSTRAINT "access_exceptions_learner_id_users_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_exceptions" ADD CONSTRAINT "access_exceptions_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_exceptions" ADD CONSTRAINT "access_exceptions_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_cohort_id_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."cohorts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_learner_id_users_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions_made" ADD CONSTRAINT "decisions_made_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hints_unlocked" ADD CONSTRAINT "hints_unlocked_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_progress" ADD CONSTRAINT "mission_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mission_progress" ADD CONSTRAINT "mission_progress_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_items" ADD CONSTRAINT "portfolio_items_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_scores" ADD CONSTRAINT "review_scores_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stage_completions" ADD CONSTRAINT "stage_completions_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tools_used" ADD CONSTRAINT "tools_used_progress_id_mission_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."mission_progress"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cohort_members_user_idx" ON "cohort_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cohorts_org_idx" ON "cohorts" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_assignments_learner_uq" ON "mentor_assignments" USING btree ("mentor_id","learner_id") WHERE "mentor_assignments"."learner_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_assignments_cohort_uq" ON "mentor_assignments" USING btree ("mentor_id","cohort_id") WHERE "mentor_assignments"."cohort_id" is not null;--> statement-breakpoint
CREATE INDEX "mentor_assignments_learner_idx" ON "mentor_assignments" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "mentor_assignments_cohort_idx" ON "mentor_assignments" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_choices_key_uq" ON "decision_choices" USING btree ("decision_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_points_key_uq" ON "decision_points" USING btree ("mission_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_points_after_uq" ON "decision_points" USING btree ("mission_id","after_stage");--> statement-breakpoint
CREATE UNIQUE INDEX "hints_level_uq" ON "hints" USING btree ("stage_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "mission_stages_key_uq" ON "mission_stages" USING btree ("mission_id","key");--> statement-breakpoint
CREATE INDEX "missions_track_tier_idx" ON "missions" USING btree ("track","tier");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_criteria_key_uq" ON "rubric_criteria" USING btree ("mission_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_levels_pos_uq" ON "rubric_levels" USING btree ("criterion_id","position");--> statement-breakpoint
CREATE INDEX "recipe_links_recipe_idx" ON "recipe_links" USING btree ("recipe_id");--> statement-breakpoint
CREATE INDEX "recipe_links_mission_idx" ON "recipe_links" USING btree ("mission_id","stage_key");--> statement-breakpoint
CREATE INDEX "recipe_progress_recipe_idx" ON "recipe_progress" USING btree ("recipe_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recipe_steps_pos_uq" ON "recipe_steps" USING btree ("recipe_id","position");--> statement-breakpoint
CREATE INDEX "recipe_uses_recipe_idx" ON "recipe_uses" USING btree ("recipe_id","mission_id");--> statement-breakpoint
CREATE INDEX "recipe_uses_progress_idx" ON "recipe_uses" USING btree ("progress_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recipe_uses_once_uq" ON "recipe_uses" USING btree ("user_id","recipe_id","progress_id","stage_key");--> statement-breakpoint
CREATE INDEX "recipes_search_idx" ON "recipes" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "access_exceptions_uq" ON "access_exceptions" USING btree ("learner_id","mission_id");--> statement-breakpoint
CREATE INDEX "assignments_cohort_idx" ON "assignments" USING btree ("cohort_id");--> statement-breakpoint
CREATE INDEX "assignments_learner_idx" ON "assignments" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "assignments_mission_idx" ON "assignments" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decisions_made_uq" ON "decisions_made" USING btree ("progress_id","decision_key");--> statement-breakpoint
CREATE INDEX "evidence_progress_idx" ON "evidence" USING btree ("progress_id","stage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "hints_unlocked_uq" ON "hints_unlocked" USING btree ("progress_id","stage_key","level");--> statement-breakpoint
CREATE UNIQUE INDEX "mission_progress_attempt_uq" ON "mission_progress" USING btree ("user_id","mission_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "mission_progress_active_uq" ON "mission_progress" USING btree ("user_id","mission_id") WHERE state in ('in_progress','submitted','in_review','changes_requested');--> statement-breakpoint
CREATE INDEX "mission_progress_mission_state_idx" ON "mission_progress" USING btree ("mission_id","state");--> statement-breakpoint
CREATE INDEX "mission_progress_user_idx" ON "mission_progress" USING btree ("user_id","updated_at");--> statement-breakpoint
CREATE INDEX "mission_progress_state_submitted_idx" ON "mission_progress" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "portfolio_items_user_idx" ON "portfolio_items" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_scores_uq" ON "review_scores" USING btree ("review_id","criterion_key");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_version_uq" ON "reviews" USING btree ("progress_id","based_on_version");--> statement-breakpoint
CREATE INDEX "reviews_mentor_idx" ON "reviews" USING btree ("mentor_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stage_completions_uq" ON "stage_completions" USING btree ("progress_id","stage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "tools_used_uq" ON "tools_used" USING btree ("progress_id","stage_key","tool");--> statement-breakpoint
CREATE INDEX "analytics_cache_time_idx" ON "analytics_cache" USING btree ("computed_at");--> statement-breakpoint
CREATE INDEX "stage_time_mission_idx" ON "stage_time" USING btree ("mission_id","stage_key","visible_ms","progress_id");--> statement-breakpoint
CREATE INDEX "telemetry_progress_idx" ON "telemetry_events" USING btree ("progress_id","occurred_at");--> statement-breakpoint
CREATE INDEX "telemetry_mission_type_idx" ON "telemetry_events" USING btree ("mission_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "telemetry_user_idx" ON "telemetry_events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "telemetry_recipe_idx" ON "telemetry_events" USING btree ("recipe_id","type");--> statement-breakpoint
CREATE INDEX "telemetry_type_time_idx" ON "telemetry_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "telemetry_stage_left_untimed_idx" ON "telemetry_events" USING btree ("progress_id") WHERE "telemetry_events"."type" = 'stage.left' and jsonb_typeof("telemetry_events"."payload" -> 'visible_ms') is distinct from 'number';