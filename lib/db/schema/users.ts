import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid, uniqueIndex } from "drizzle-orm/pg-core";
import { ROLES, sqlList } from "./enums";

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").notNull().default("learner"),
    // Enterprise viewers belong to one organisation; learners may too (sponsored seats).
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    // Every session cookie carries the version it was issued under; bumping it ends them all
    // ("sign out everywhere", a password change, a deactivation) on every instance.
    sessionVersion: integer("session_version").notNull().default(0),
    // Set by an admin: the account cannot sign in or use its tokens until reactivated.
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("users_email_lower_uq").on(sql`lower(${t.email})`),
    check("users_role_ck", sql.raw(`role in ${sqlList(ROLES)}`)),
    index("users_org_idx").on(t.organisationId),
  ],
);

/** Sessions signed out before their cookie expires (one row per signed-out session, pruned after expiry). */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sid: text("sid").primaryKey(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("ended_sessions_expires_idx").on(t.expiresAt)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // SHA-256 of the secret; the secret itself is shown once and never stored.
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    // Null: until revoked.
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    startsOn: timestamp("starts_on", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cohorts_org_idx").on(t.organisationId)],
);

export const cohortMembers = pgTable(
  "cohort_members",
  {
    cohortId: uuid("cohort_id").notNull().references(() => cohorts.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index("cohort_members_user_idx").on(t.userId)],
);

/** A mentor reviews a learner directly, or every member of a cohort. Exactly one of the two is set. */
export const mentorAssignments = pgTable(
  "mentor_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mentorId: uuid("mentor_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    learnerId: uuid("learner_id").references(() => users.id, { onDelete: "cascade" }),
    cohortId: uuid("cohort_id").references(() => cohorts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("mentor_assignments_target_ck", sql`(${t.learnerId} is null) <> (${t.cohortId} is null)`),
    uniqueIndex("mentor_assignments_learner_uq").on(t.mentorId, t.learnerId).where(sql`${t.learnerId} is not null`),
    uniqueIndex("mentor_assignments_cohort_uq").on(t.mentorId, t.cohortId).where(sql`${t.cohortId} is not null`),
    index("mentor_assignments_learner_idx").on(t.learnerId),
    index("mentor_assignments_cohort_idx").on(t.cohortId),
  ],
);

export type User = typeof users.$inferSelect;
export type Cohort = typeof cohorts.$inferSelect;
