import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONTENT_STATUSES, RECIPE_DIFFICULTIES, RECIPE_TYPES, sqlList } from "./enums";
import { users } from "./users";
import { missions } from "./missions";
import { foundationModules } from "./learning";
import type { RecipeContent } from "@/lib/content/schemas";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const recipes = pgTable(
  "recipes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull(),
    type: text("type").notNull(),
    difficulty: text("difficulty").notNull(),
    estimatedMinutes: integer("estimated_minutes").notNull(),
    skills: jsonb("skills").$type<string[]>().notNull(),
    tools: jsonb("tools").$type<string[]>().notNull(),
    prerequisites: jsonb("prerequisites").$type<string[]>().notNull().default([]),
    related: jsonb("related").$type<string[]>().notNull().default([]),
    inputs: jsonb("inputs").$type<string[]>().notNull().default([]),
    environment: text("environment").notNull().default(""),
    validationChecks: jsonb("validation_checks").$type<string[]>().notNull().default([]),
    mentorCurated: boolean("mentor_curated").notNull().default(false),
    status: text("status").notNull().default("published"),
    version: integer("version").notNull().default(1),
    content: jsonb("content").$type<RecipeContent>().notNull(),
    contentHash: text("content_hash").notNull(),
    // Title, summary, description, steps, skills and tools flattened on import; indexed for full-text search.
    searchText: text("search_text").notNull().default(""),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(search_text, ''))`,
    ),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    check("recipes_type_ck", sql.raw(`type in ${sqlList(RECIPE_TYPES)}`)),
    check("recipes_difficulty_ck", sql.raw(`difficulty in ${sqlList(RECIPE_DIFFICULTIES)}`)),
    check("recipes_status_ck", sql.raw(`status in ${sqlList(CONTENT_STATUSES)}`)),
    check("recipes_minutes_ck", sql`${t.estimatedMinutes} between 5 and 60`),
    index("recipes_search_idx").using("gin", t.searchVector),
  ],
);

export const recipeSteps = pgTable(
  "recipe_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipeId: uuid("recipe_id").notNull().references(() => recipes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    command: text("command"),
    expectedOutcome: text("expected_outcome").notNull(),
    evidenceHint: text("evidence_hint"),
  },
  (t) => [uniqueIndex("recipe_steps_pos_uq").on(t.recipeId, t.position)],
);

/** Where a recipe is used: a mission (optionally one stage of it) or a Foundations module. */
export const recipeLinks = pgTable(
  "recipe_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipeId: uuid("recipe_id").notNull().references(() => recipes.id, { onDelete: "cascade" }),
    missionId: uuid("mission_id").references(() => missions.id, { onDelete: "cascade" }),
    stageKey: text("stage_key"),
    moduleId: uuid("module_id").references(() => foundationModules.id, { onDelete: "cascade" }),
    required: boolean("required").notNull().default(false),
    position: integer("position").notNull().default(0),
    // Who declared the link: the mission author (stage.recipes) or the recipe author (recipe.links).
    source: text("source").notNull().default("mission"),
  },
  (t) => [
    check("recipe_links_target_ck", sql`(${t.missionId} is null) <> (${t.moduleId} is null)`),
    index("recipe_links_recipe_idx").on(t.recipeId),
    index("recipe_links_mission_idx").on(t.missionId, t.stageKey),
  ],
);

export const recipeBookmarks = pgTable(
  "recipe_bookmarks",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    recipeId: uuid("recipe_id").notNull().references(() => recipes.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.recipeId] })],
);

export const recipeRatings = pgTable(
  "recipe_ratings",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    recipeId: uuid("recipe_id").notNull().references(() => recipes.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.recipeId] }), check("recipe_ratings_ck", sql`${t.rating} between 1 and 5`)],
);

/** A learner's progress through one recipe (steps checked off, completion). */
export const recipeProgress = pgTable(
  "recipe_progress",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    recipeId: uuid("recipe_id").notNull().references(() => recipes.id, { onDelete: "cascade" }),
    stepsCompleted: jsonb("steps_completed").$type<number[]>().notNull().default([]),
    viewCount: integer("view_count").notNull().default(0),
    firstViewedAt: timestamp("first_viewed_at", { withTimezone: true }).notNull().defaultNow(),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.recipeId] }), index("recipe_progress_recipe_idx").on(t.recipeId)],
);

/** "Marked as used": which mission stage a recipe helped with. */
export const recipeUses = pgTable(
  "recipe_uses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    recipeId: uuid("recipe_id").notNull().references(() => recipes.id, { onDelete: "cascade" }),
    missionId: uuid("mission_id").references(() => missions.id, { onDelete: "cascade" }),
    progressId: uuid("progress_id"),
    stageKey: text("stage_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("recipe_uses_recipe_idx").on(t.recipeId, t.missionId),
    index("recipe_uses_progress_idx").on(t.progressId),
    uniqueIndex("recipe_uses_once_uq").on(t.userId, t.recipeId, t.progressId, t.stageKey),
  ],
);

export type Recipe = typeof recipes.$inferSelect;
export type RecipeStepRow = typeof recipeSteps.$inferSelect;
export type { RecipeContent };
