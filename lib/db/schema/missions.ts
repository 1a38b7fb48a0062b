import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONTENT_STATUSES, TIERS, TRACKS, sqlList } from "./enums";
import type { MissionContent } from "@/lib/content/schemas";

/**
 * A mission's current row. The full authored content of every version lives in
 * mission_versions (progress rows keep the version they started on); the normalised
 * child tables below describe the current version for catalogue and analytics queries.
 */
export const missions = pgTable(
  "missions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    track: text("track").notNull(),
    tier: text("tier").notNull(),
    summary: text("summary").notNull().default(""),
    story: text("story").notNull(),
    objectives: jsonb("objectives").$type<string[]>().notNull(),
    estimatedMinutes: integer("estimated_minutes").notNull(),
    skills: jsonb("skills").$type<string[]>().notNull(),
    timeConstraintHours: real("time_constraint_hours"),
    autoSubmitOnDeadline: boolean("auto_submit_on_deadline").notNull().default(false),
    reflectionRequired: boolean("reflection_required").notNull().default(true),
    minScore: real("min_score").notNull().default(60),
    successCriteria: jsonb("success_criteria").$type<MissionContent["success_criteria"]>().notNull(),
    status: text("status").notNull().default("draft"),
    version: integer("version").notNull().default(1),
    contentHash: text("content_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    check("missions_code_ck", sql`${t.code} ~ '^[A-Z]{2,6}-[0-9]{2,3}$'`),
    check("missions_track_ck", sql.raw(`track in ${sqlList(TRACKS)}`)),
    check("missions_tier_ck", sql.raw(`tier in ${sqlList(TIERS)}`)),
    check("missions_status_ck", sql.raw(`status in ${sqlList(CONTENT_STATUSES)}`)),
    check("missions_time_ck", sql`${t.timeConstraintHours} is null or ${t.timeConstraintHours} > 0`),
    check("missions_min_score_ck", sql`${t.minScore} between 0 and 100`),
    index("missions_track_tier_idx").on(t.track, t.tier),
  ],
);

export const missionVersions = pgTable(
  "mission_versions",
  {
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<MissionContent>().notNull(),
    contentHash: text("content_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.version] })],
);

export const missionStages = pgTable(
  "mission_stages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    instructions: text("instructions").notNull(),
    requiredSkills: jsonb("required_skills").$type<string[]>().notNull(),
    evidence: jsonb("evidence").$type<MissionContent["stages"][number]["evidence"]>().notNull(),
    notesMinChars: integer("notes_min_chars").notNull().default(0),
    weight: real("weight").notNull().default(1),
    required: boolean("required").notNull().default(true),
    hasAnswer: boolean("has_answer").notNull().default(false),
    next: text("next"),
  },
  (t) => [
    uniqueIndex("mission_stages_key_uq").on(t.missionId, t.key),
    check("mission_stages_weight_ck", sql`${t.weight} >= 0`),
  ],
);

export const decisionPoints = pgTable(
  "decision_points",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    afterStage: text("after_stage").notNull(),
    prompt: text("prompt").notNull(),
  },
  (t) => [uniqueIndex("decision_points_key_uq").on(t.missionId, t.key), uniqueIndex("decision_points_after_uq").on(t.missionId, t.afterStage)],
);

export const decisionChoices = pgTable(
  "decision_choices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    decisionId: uuid("decision_id").notNull().references(() => decisionPoints.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    consequence: text("consequence").notNull(),
    nextStage: text("next_stage").notNull(),
    scoreDelta: integer("score_delta").notNull().default(0),
    ideal: boolean("ideal").notNull().default(false),
    rationale: text("rationale"),
  },
  (t) => [
    uniqueIndex("decision_choices_key_uq").on(t.decisionId, t.key),
    check("decision_choices_delta_ck", sql`${t.scoreDelta} between -20 and 20`),
  ],
);

export const hints = pgTable(
  "hints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stageId: uuid("stage_id").notNull().references(() => missionStages.id, { onDelete: "cascade" }),
    level: integer("level").notNull(),
    text: text("text").notNull(),
    penalty: integer("penalty").notNull().default(0),
  },
  (t) => [uniqueIndex("hints_level_uq").on(t.stageId, t.level), check("hints_penalty_ck", sql`${t.penalty} >= 0`), check("hints_level_ck", sql`${t.level} >= 1`)],
);

export const rubricCriteria = pgTable(
  "rubric_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id").notNull().references(() => missions.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    stageKey: text("stage_key"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    weight: real("weight").notNull().default(1),
    position: integer("position").notNull(),
    skills: jsonb("skills").$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("rubric_criteria_key_uq").on(t.missionId, t.key), check("rubric_criteria_weight_ck", sql`${t.weight} > 0`)],
);

export const rubricLevels = pgTable(
  "rubric_levels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    criterionId: uuid("criterion_id").notNull().references(() => rubricCriteria.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    points: real("points").notNull(),
    label: text("label").notNull(),
    descriptor: text("descriptor").notNull(),
  },
  (t) => [uniqueIndex("rubric_levels_pos_uq").on(t.criterionId, t.position), check("rubric_levels_points_ck", sql`${t.points} >= 0`)],
);

export type Mission = typeof missions.$inferSelect;
