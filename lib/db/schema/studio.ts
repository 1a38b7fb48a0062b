import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

// Mission Studio (SPEC §7): drafts beside published content, who published what, and the caller's
// sandbox previews. None of these tables is read by the dashboards, so a preview leaves analytics
// untouched by construction.

export const STUDIO_KINDS = ["mission", "recipe"] as const;
export type StudioKind = (typeof STUDIO_KINDS)[number];

/**
 * One row per mission code or recipe slug that has ever been edited in the studio. `content` is
 * the draft as the author left it (it may be invalid: that is what validate reports); null once it
 * has been published and nothing changed since. `draftVersion` only ever grows, so a save based
 * on a stale copy is refused even across a publish.
 */
export const contentDrafts = pgTable(
  "content_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<StudioKind>().notNull(),
    ref: text("ref").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>(),
    draftVersion: integer("draft_version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("content_drafts_ref_uq").on(t.kind, t.ref), check("content_drafts_kind_ck", sql`${t.kind} in ('mission','recipe')`)],
);

/** Who published what and when: one row per publish, with what changed against the previous version. */
export const contentAudit = pgTable(
  "content_audit",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<StudioKind>().notNull(),
    ref: text("ref").notNull(),
    action: text("action").notNull(),
    version: integer("version").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("content_audit_ref_idx").on(t.kind, t.ref, t.createdAt)],
);

/** The caller's sandbox run of a draft: plain JSON state, never a progress row or a telemetry event. */
export const studioPreviews = pgTable(
  "studio_previews",
  {
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<StudioKind>().notNull(),
    ref: text("ref").notNull(),
    draftVersion: integer("draft_version").notNull(),
    state: jsonb("state").$type<Record<string, unknown>>().notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.ref] })],
);
