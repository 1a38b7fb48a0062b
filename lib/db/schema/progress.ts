import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { PROGRESS_STATES, REVIEW_OUTCOMES, sqlList, type ProgressState } from "./enums";
import { cohorts, users } from "./users";
import { missions } from "./missions";

/** A mission assigned to a cohort or to one learner (exactly one), optionally with a due date. */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id").references(() => cohorts.id, { onDelete: "cascade" }),
    learnerId: uuid("learner_id").references(() => users.id, { onDelete: "cascade" }),
    assignedBy: uuid("assigned_by").notNull().references(() => users.id),
    dueAt: timestamp("due_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("assignments_target_ck", sql`(${t.cohortId} is null) <> (${t.learnerId} is null)`),
    index("assignments_cohort_idx").on(t.cohortId),
    index("assignments_learner_idx").on(t.learnerId),
    index("assignments_mission_idx").on(t.missionId),
  ],
);

/** One learner may take one locked mission: recorded with who granted it and why. */
export const accessExceptions = pgTable(
  "access_exceptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    learnerId: uuid("learner_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    grantedBy: uuid("granted_by").notNull().references(() => users.id),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("access_exceptions_uq").on(t.learnerId, t.missionId)],
);

export const ACTIVE_STATES = ["in_progress", "submitted", "in_review", "changes_requested"] as const;

export const missionProgress = pgTable(
  "mission_progress",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    missionVersion: integer("mission_version").notNull(),
    attempt: integer("attempt").notNull().default(1),
    state: text("state").$type<ProgressState>().notNull().default("in_progress"),
    currentStage: text("current_stage"),
    // Stage keys in the order the learner reached them: their decision path.
    path: jsonb("path").$type<string[]>().notNull().default([]),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    reflection: text("reflection"),
    hintPenalty: integer("hint_penalty").notNull().default(0),
    decisionDelta: integer("decision_delta").notNull().default(0),
    prescore: jsonb("prescore").$type<unknown>(),
    score: real("score"),
    passed: boolean("passed"),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    // Optimistic concurrency: every state change bumps it; reviews carry the version they saw.
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    check("mission_progress_state_ck", sql.raw(`state in ${sqlList(PROGRESS_STATES)}`)),
    check("mission_progress_score_ck", sql`${t.score} is null or ${t.score} between 0 and 100`),
    uniqueIndex("mission_progress_attempt_uq").on(t.userId, t.missionId, t.attempt),
    // At most one live attempt per learner and mission: makes "start" idempotent under races.
    uniqueIndex("mission_progress_active_uq")
      .on(t.userId, t.missionId)
      .where(sql.raw(`state in ${sqlList(ACTIVE_STATES)}`)),
    index("mission_progress_mission_state_idx").on(t.missionId, t.state),
    // Dashboard date ranges (attempts started between two dates), with or without a mission filter.
    index("mission_progress_mission_started_idx").on(t.missionId, t.startedAt),
    index("mission_progress_started_idx").on(t.startedAt),
    index("mission_progress_user_idx").on(t.userId, t.updatedAt),
    index("mission_progress_state_submitted_idx").on(t.state, t.submittedAt),
    // Open attempts by last activity: "abandoned" (idle for N days) depends on now(), so the dashboards
    // count it live, index-only (with the learner for scoped views, and the start for date ranges),
    // instead of rolling it up.
    index("mission_progress_open_idx")
      .on(t.lastActivityAt, t.missionId, t.currentStage, t.userId, t.startedAt)
      .where(sql`${t.state} in ('in_progress', 'changes_requested')`),
  ],
);

export const stageCompletions = pgTable(
  "stage_completions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    stageKey: text("stage_key").notNull(),
    notes: text("notes").notNull().default(""),
    answer: text("answer"),
    links: jsonb("links").$type<string[]>().notNull().default([]),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("stage_completions_uq").on(t.progressId, t.stageKey)],
);

export const decisionsMade = pgTable(
  "decisions_made",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    decisionKey: text("decision_key").notNull(),
    choiceKey: text("choice_key").notNull(),
    scoreDelta: integer("score_delta").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("decisions_made_uq").on(t.progressId, t.decisionKey)],
);

export const hintsUnlocked = pgTable(
  "hints_unlocked",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    stageKey: text("stage_key").notNull(),
    level: integer("level").notNull(),
    penalty: integer("penalty").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("hints_unlocked_uq").on(t.progressId, t.stageKey, t.level)],
);

export const toolsUsed = pgTable(
  "tools_used",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    stageKey: text("stage_key").notNull(),
    tool: text("tool").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tools_used_uq").on(t.progressId, t.stageKey, t.tool)],
);

export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    stageKey: text("stage_key").notNull(),
    kind: text("kind").notNull(),
    fileName: text("file_name"),
    contentType: text("content_type"),
    size: bigint("size", { mode: "number" }),
    sha256: text("sha256"),
    storageKey: text("storage_key"),
    url: text("url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("evidence_kind_ck", sql`${t.kind} in ('file','link')`),
    check("evidence_shape_ck", sql`(${t.kind} = 'file' and ${t.sha256} is not null and ${t.storageKey} is not null) or (${t.kind} = 'link' and ${t.url} is not null)`),
    index("evidence_progress_idx").on(t.progressId, t.stageKey),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    mentorId: uuid("mentor_id").notNull().references(() => users.id),
    basedOnVersion: integer("based_on_version").notNull(),
    outcome: text("outcome").notNull(),
    score: real("score").notNull(),
    passed: boolean("passed").notNull(),
    feedback: text("feedback").notNull().default(""),
    stageFeedback: jsonb("stage_feedback").$type<Record<string, string>>().notNull().default({}),
    recommendedRecipes: jsonb("recommended_recipes").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("reviews_outcome_ck", sql.raw(`outcome in ${sqlList(REVIEW_OUTCOMES)}`)),
    // Two mentors cannot both review the same version of a submission.
    uniqueIndex("reviews_version_uq").on(t.progressId, t.basedOnVersion),
    index("reviews_mentor_idx").on(t.mentorId, t.createdAt),
  ],
);

export const reviewScores = pgTable(
  "review_scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id").notNull().references(() => reviews.id, { onDelete: "cascade" }),
    criterionKey: text("criterion_key").notNull(),
    stageKey: text("stage_key"),
    levelIndex: integer("level_index").notNull(),
    points: real("points").notNull(),
    maxPoints: real("max_points").notNull(),
    remark: text("remark"),
    /** The mentor accepted (or edited) an AI suggestion for this criterion: shown as "AI-assisted". */
    aiAssisted: boolean("ai_assisted").notNull().default(false),
  },
  (t) => [uniqueIndex("review_scores_uq").on(t.reviewId, t.criterionKey)],
);

/**
 * A mentor's remark anchored to a place in one evidence file (SPEC §7 "Anchored remarks"): lines of
 * a text file, a rectangle of an image (fractions 0–1 of its size) or a page of a PDF.
 */
export const reviewAnchors = pgTable(
  "review_anchors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id").notNull().references(() => reviews.id, { onDelete: "cascade" }),
    evidenceId: uuid("evidence_id").notNull().references(() => evidence.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"lines" | "region" | "page">().notNull(),
    startLine: integer("start_line"),
    endLine: integer("end_line"),
    x: real("x"),
    y: real("y"),
    w: real("w"),
    h: real("h"),
    page: integer("page"),
    remark: text("remark").notNull(),
    criterionKey: text("criterion_key"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    check("review_anchors_kind_ck", sql`${t.kind} in ('lines', 'region', 'page')`),
    check(
      "review_anchors_shape_ck",
      sql`(${t.kind} = 'lines' and ${t.startLine} >= 1 and ${t.endLine} >= ${t.startLine}) or (${t.kind} = 'region' and ${t.x} >= 0 and ${t.y} >= 0 and ${t.w} > 0 and ${t.h} > 0 and ${t.x} + ${t.w} <= 1.0001 and ${t.y} + ${t.h} <= 1.0001) or (${t.kind} = 'page' and ${t.page} >= 1)`,
    ),
    index("review_anchors_review_idx").on(t.reviewId, t.position),
    index("review_anchors_evidence_idx").on(t.evidenceId),
  ],
);

export const portfolioItems = pgTable(
  "portfolio_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    progressId: uuid("progress_id").notNull().unique().references(() => missionProgress.id, { onDelete: "cascade" }),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    track: text("track").notNull(),
    tier: text("tier").notNull(),
    score: real("score").notNull(),
    rubricSummary: jsonb("rubric_summary").$type<{ criterion: string; level: string; points: number; max: number }[]>().notNull(),
    reflection: text("reflection").notNull().default(""),
    evidence: jsonb("evidence").$type<{ name: string; sha256: string; size: number }[]>().notNull().default([]),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull(),
    public: boolean("public").notNull().default(false),
    publicSlug: text("public_slug").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("portfolio_items_user_idx").on(t.userId)],
);

export type MissionProgress = typeof missionProgress.$inferSelect;
