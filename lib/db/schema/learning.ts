import { sql } from "drizzle-orm";
import { boolean, check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { SelfCheckQuestion } from "@/lib/content/schemas";
import { TRACKS, sqlList } from "./enums";
import { users } from "./users";

export const foundationModules = pgTable("foundation_modules", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  body: text("body").notNull().default(""),
  estimatedMinutes: integer("estimated_minutes").notNull(),
  position: integer("position").notNull(),
  required: boolean("required").notNull().default(true),
  selfCheck: jsonb("self_check").$type<SelfCheckQuestion[]>().notNull().default([]),
});

export const foundationCompletions = pgTable(
  "foundation_completions",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id").notNull().references(() => foundationModules.id, { onDelete: "cascade" }),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] })],
);

export const trackEnrolments = pgTable(
  "track_enrolments",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    track: text("track").notNull(),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.track] }), check("track_enrolments_track_ck", sql.raw(`track in ${sqlList(TRACKS)}`))],
);

/** Admin-settable values such as the tier unlock threshold. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Fixed-window counters shared by every app instance (sign-in attempts, uploads). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
