import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { REVIEW_OUTCOMES, sqlList } from "./enums";
import { users } from "./users";
import { missions } from "./missions";
import { missionProgress, reviews } from "./progress";

// Calibration and moderation (SPEC §7 "Mentoring"): a mission's double-marking rate, each mentor's
// blind marks of a sampled submission, and the moderation that releases one final review.

/** Per mission: the double-marking rate (whole percent), the disagreement threshold and the sampling counter. */
export const missionModeration = pgTable(
  "mission_moderation",
  {
    missionId: uuid("mission_id").primaryKey().references(() => missions.id, { onDelete: "cascade" }),
    doubleMarkingPercent: integer("double_marking_percent").notNull().default(0),
    thresholdPoints: real("threshold_points").notNull().default(10),
    /** First marks counted so far (the systematic sample's n). */
    firstMarks: integer("first_marks").notNull().default(0),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("mission_moderation_percent_ck", sql`${t.doubleMarkingPercent} between 0 and 100`),
    check("mission_moderation_threshold_ck", sql`${t.thresholdPoints} >= 0 and ${t.thresholdPoints} <= 100`),
  ],
);

export const MODERATION_STATUSES = ["second_marking", "moderation", "final"] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** One double-marked submission version: waiting for its second mark, for a moderator, or final. */
export const moderations = pgTable(
  "moderations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    basedOnVersion: integer("based_on_version").notNull(),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    status: text("status").$type<ModerationStatus>().notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull().default([]),
    moderatorId: uuid("moderator_id").references(() => users.id, { onDelete: "set null" }),
    finalReviewId: uuid("final_review_id").references(() => reviews.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    check("moderations_status_ck", sql.raw(`status in ${sqlList(MODERATION_STATUSES)}`)),
    uniqueIndex("moderations_version_uq").on(t.progressId, t.basedOnVersion),
    index("moderations_status_idx").on(t.status),
    index("moderations_mission_idx").on(t.missionId),
  ],
);

/** A mentor's blind marks of a double-marked submission version (round 1 or 2), kept apart from the released review. */
export const reviewMarks = pgTable(
  "review_marks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moderationId: uuid("moderation_id").notNull().references(() => moderations.id, { onDelete: "cascade" }),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    basedOnVersion: integer("based_on_version").notNull(),
    round: integer("round").notNull(),
    mentorId: uuid("mentor_id").notNull().references(() => users.id),
    outcome: text("outcome").notNull(),
    score: real("score").notNull(),
    passed: boolean("passed").notNull(),
    /** Level index per criterion key. */
    levels: jsonb("levels").$type<Record<string, number>>().notNull(),
    /** The review as the mentor sent it (feedback, stage feedback, recipes, anchors, remarks). */
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("review_marks_round_ck", sql`${t.round} in (1, 2)`),
    check("review_marks_outcome_ck", sql.raw(`outcome in ${sqlList(REVIEW_OUTCOMES)}`)),
    uniqueIndex("review_marks_round_uq").on(t.moderationId, t.round),
    uniqueIndex("review_marks_mentor_uq").on(t.moderationId, t.mentorId),
    index("review_marks_mentor_idx").on(t.mentorId, t.createdAt),
  ],
);

export const AI_DECISIONS = ["accepted", "edited", "rejected"] as const;
export type AiDecision = (typeof AI_DECISIONS)[number];

/**
 * An AI model's suggestion for one criterion of a submission version (SPEC §7 "AI suggestions"): a
 * level and a remark with the evidence it relied on; the mentor's decision is recorded with it.
 */
export const aiSuggestions = pgTable(
  "ai_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    progressId: uuid("progress_id").notNull().references(() => missionProgress.id, { onDelete: "cascade" }),
    basedOnVersion: integer("based_on_version").notNull(),
    model: text("model").notNull(),
    criterionKey: text("criterion_key").notNull(),
    levelIndex: integer("level_index").notNull(),
    remark: text("remark").notNull(),
    /** What it relied on: [{ stage?, evidence_id?, quote }]. */
    evidence: jsonb("evidence").$type<{ stage?: string; evidence_id?: string; quote: string }[]>().notNull().default([]),
    decision: text("decision").$type<AiDecision>(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("ai_suggestions_decision_ck", sql.raw(`decision is null or decision in ${sqlList(AI_DECISIONS)}`)),
    uniqueIndex("ai_suggestions_uq").on(t.progressId, t.basedOnVersion, t.criterionKey),
  ],
);
