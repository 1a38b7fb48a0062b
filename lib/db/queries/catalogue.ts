import "server-only";
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { accessExceptions, assignments, cohortMembers, missionProgress, missions, recipes, settings, type Mission, type MissionProgress } from "@/lib/db/schema";
import type { MissionContent } from "@/lib/content/schemas";
import { TIERS, TRACKS, type Tier, type Track } from "@/lib/db/schema/enums";
import { env } from "@/lib/env";
import type { Caller } from "@/lib/auth/session";
import { lockState, tierKey, type GatingContext, type LockState } from "@/lib/missions/gating";
import { hintViews } from "@/lib/missions/hints";
import { deadlineStatus } from "@/lib/missions/deadlines";
import { enrolledTracks, isFoundationsComplete } from "./foundations";
import { contentOf, visibleMission } from "@/lib/attempts/load";
import { attemptFacts, emptyFacts, type Facts } from "./attempts";
import { enforceDeadline } from "@/lib/attempts/deadline";
import { toProgress } from "@/lib/missions/serialize";

/** The admin-settable tier unlock threshold (settings.unlock_threshold), else SORTIE_UNLOCK_THRESHOLD. */
export async function unlockThreshold({ tx = db }: { tx?: Tx } = {}): Promise<number> {
  const [s] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, "unlock_threshold"));
  const n = s ? Number.parseInt(s.value, 10) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : env().SORTIE_UNLOCK_THRESHOLD;
}

/** Everything gating needs to know about a caller, in four small queries. */
export async function gatingContext({ caller, tx = db }: { caller: Caller; tx?: Tx }): Promise<GatingContext> {
  const [foundationsComplete, threshold, passedRows, exceptionRows, tracks] = await Promise.all([
    isFoundationsComplete({ userId: caller.id, tx }),
    unlockThreshold({ tx }),
    tx
      .select({ track: missions.track, tier: missions.tier, n: sql<number>`count(distinct ${missionProgress.missionId})::int` })
      .from(missionProgress)
      .innerJoin(missions, eq(missions.id, missionProgress.missionId))
      .where(and(eq(missionProgress.userId, caller.id), eq(missionProgress.passed, true)))
      .groupBy(missions.track, missions.tier),
    tx.select({ missionId: accessExceptions.missionId }).from(accessExceptions).where(eq(accessExceptions.learnerId, caller.id)),
    enrolledTracks({ userId: caller.id, tx }),
  ]);
  return {
    role: caller.role,
    foundationsComplete,
    threshold,
    passed: new Map(passedRows.map((r) => [tierKey(r.track, r.tier), Number(r.n)])),
    exceptions: new Set(exceptionRows.map((e) => e.missionId)),
    enrolledTracks: new Set(tracks.map((t) => t.track)),
  };
}

export async function missionLock({ caller, mission, tx = db }: { caller: Caller; mission: Pick<Mission, "id" | "track" | "tier">; tx?: Tx }): Promise<LockState> {
  return lockState(mission, await gatingContext({ caller, tx }));
}

/** Assigned missions of a learner (directly or through a cohort), earliest due date per mission. */
export async function assignedMissions({ userId, tx = db }: { userId: string; tx?: Tx }) {
  const r = await tx
    .select({ missionId: assignments.missionId, dueAt: sql<string | null>`min(${assignments.dueAt})`, assignedAt: sql<string>`min(${assignments.createdAt})` })
    .from(assignments)
    .where(
      or(
        eq(assignments.learnerId, userId),
        inArray(assignments.cohortId, tx.select({ id: cohortMembers.cohortId }).from(cohortMembers).where(eq(cohortMembers.userId, userId))),
      ),
    )
    .groupBy(assignments.missionId);
  return new Map(r.map((a) => [a.missionId, { dueAt: a.dueAt ? new Date(a.dueAt) : null, assignedAt: new Date(a.assignedAt) }]));
}

export const CATALOGUE_STATUSES = ["available", "locked", "assigned", "not_started", "in_progress", "submitted", "in_review", "approved", "changes_requested", "failed", "expired"] as const;
export type CatalogueStatus = (typeof CATALOGUE_STATUSES)[number];

export interface CatalogueFilters {
  track?: Track;
  tier?: Tier;
  q?: string;
  status?: CatalogueStatus;
}

const ACTIVE = new Set(["in_progress", "changes_requested", "submitted", "in_review"]);

/**
 * The catalogue for the caller: every published mission (admins also see drafts and archived),
 * with lock state and reason, enrolment, assignment and the caller's current attempt. Sorted:
 * assigned first, then in progress, then by track and tier.
 */
export async function listCatalogue({ caller, filters = {}, tx = db }: { caller: Caller; filters?: CatalogueFilters; tx?: Tx }) {
  const where = [];
  if (caller.role !== "admin") where.push(eq(missions.status, "published"));
  if (filters.track) where.push(eq(missions.track, filters.track));
  if (filters.tier) where.push(eq(missions.tier, filters.tier));
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${missions.title} ilike ${like} or ${missions.code} ilike ${like} or ${missions.summary} ilike ${like} or ${missions.skills}::text ilike ${like})`);
  }
  const [rows, ctx, progress, assigned] = await Promise.all([
    tx
      .select({
        id: missions.id,
        code: missions.code,
        title: missions.title,
        track: missions.track,
        tier: missions.tier,
        summary: missions.summary,
        estimatedMinutes: missions.estimatedMinutes,
        skills: missions.skills,
        timeConstraintHours: missions.timeConstraintHours,
        status: missions.status,
      })
      .from(missions)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(missions.code)),
    gatingContext({ caller, tx }),
    tx
      .selectDistinctOn([missionProgress.missionId], {
        missionId: missionProgress.missionId,
        id: missionProgress.id,
        state: missionProgress.state,
        attempt: missionProgress.attempt,
        currentStage: missionProgress.currentStage,
        startedAt: missionProgress.startedAt,
        deadlineAt: missionProgress.deadlineAt,
        score: missionProgress.score,
        passed: missionProgress.passed,
        lastActivityAt: missionProgress.lastActivityAt,
      })
      .from(missionProgress)
      .where(eq(missionProgress.userId, caller.id))
      .orderBy(missionProgress.missionId, sql`${missionProgress.attempt} desc`),
    assignedMissions({ userId: caller.id, tx }),
  ]);
  const byMission = new Map(progress.map((p) => [p.missionId, p]));
  const now = new Date();
  let items = rows.map((m) => {
    const lock = lockState(m, ctx);
    const p = byMission.get(m.id);
    const a = assigned.get(m.id);
    const live = p && (p.state === "in_progress" || p.state === "changes_requested");
    const dl = p && live ? deadlineStatus(p.startedAt, p.deadlineAt, now) : null;
    return {
      id: m.id,
      code: m.code,
      title: m.title,
      track: m.track,
      tier: m.tier,
      summary: m.summary,
      estimated_minutes: m.estimatedMinutes,
      skills: m.skills,
      time_constraint_hours: m.timeConstraintHours,
      mission_status: m.status,
      locked: lock.locked,
      lock_reason: lock.reason,
      exception: lock.exception,
      enrolled: lock.enrolled,
      assigned: a ? { due_at: a.dueAt?.toISOString() ?? null, overdue: Boolean(a.dueAt && a.dueAt < now && !(p && ["submitted", "in_review", "approved"].includes(p.state))) } : null,
      state: p?.state ?? "not_started",
      progress: p
        ? {
            id: p.id,
            state: p.state,
            attempt: p.attempt,
            current_stage: p.currentStage,
            deadline_at: p.deadlineAt?.toISOString() ?? null,
            deadline_warning: dl?.warning ?? "none",
            score: p.score,
            passed: p.passed,
            last_activity_at: p.lastActivityAt.toISOString(),
          }
        : null,
    };
  });
  if (filters.status) {
    const s = filters.status;
    items = items.filter((i) =>
      s === "locked" ? i.locked : s === "available" ? !i.locked && i.state === "not_started" : s === "assigned" ? i.assigned !== null : i.state === s,
    );
  }
  const rank = (i: (typeof items)[number]) => (i.assigned && !["approved"].includes(i.state) ? 0 : ACTIVE.has(i.state) ? 1 : i.locked ? 3 : 2);
  const due = (i: (typeof items)[number]) => (i.assigned?.due_at ? Date.parse(i.assigned.due_at) : Number.MAX_SAFE_INTEGER);
  items.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      due(a) - due(b) ||
      TRACKS.indexOf(a.track as Track) - TRACKS.indexOf(b.track as Track) ||
      TIERS.indexOf(a.tier as Tier) - TIERS.indexOf(b.tier as Tier) ||
      a.code.localeCompare(b.code),
  );
  return { missions: items, foundations_complete: ctx.foundationsComplete, unlock_threshold: ctx.threshold, enrolled_tracks: [...ctx.enrolledTracks] };
}

export type CatalogueItem = Awaited<ReturnType<typeof listCatalogue>>["missions"][number];

/** The published recipes linked to any stage of a mission's content, by slug (one query). */
export async function stageRecipes({ content, tx = db }: { content: MissionContent; tx?: Tx }) {
  const slugs = [...new Set(content.stages.flatMap((s) => s.recipes))];
  const rows = slugs.length
    ? await tx
        .select({ slug: recipes.slug, title: recipes.title, summary: recipes.summary, estimatedMinutes: recipes.estimatedMinutes })
        .from(recipes)
        .where(and(inArray(recipes.slug, slugs), ne(recipes.status, "draft")))
    : [];
  return new Map(rows.map((r) => [r.slug, r]));
}

/**
 * A mission's detail (without lock state) from what is already loaded: the content of the version
 * the attempt started on (or the current one), stages with hint levels (text only for hints
 * unlocked), decisions' prompts, each stage's recipes and the attempt. No queries.
 */
export function missionView({ mission, content, progress, facts, recipeBySlug }: {
  mission: Mission;
  content: MissionContent;
  progress: MissionProgress | undefined;
  facts: Facts;
  recipeBySlug: Awaited<ReturnType<typeof stageRecipes>>;
}) {
  return {
    id: mission.id,
    code: mission.code,
    title: content.title,
    track: content.track,
    tier: content.tier,
    summary: content.summary,
    story: content.story,
    objectives: content.objectives,
    estimated_minutes: content.estimated_minutes,
    skills: content.skills,
    time_constraint_hours: content.time_constraint_hours,
    auto_submit_on_deadline: content.auto_submit_on_deadline,
    reflection_required: content.reflection_required,
    reflection_prompt: content.reflection_prompt ?? null,
    success_criteria: content.success_criteria,
    mission_status: mission.status,
    version: progress?.missionVersion ?? mission.version,
    stages: content.stages.map((s, position) => ({
      key: s.key,
      position,
      title: s.title,
      instructions: s.instructions,
      required_skills: s.required_skills,
      evidence: s.evidence,
      notes_min_chars: s.notes_min_chars,
      weight: s.weight,
      required: s.required,
      has_answer: Boolean(s.answer),
      answer_prompt: s.answer ? (s.answer_prompt ?? "Your answer") : null,
      recipes: s.recipes.map((slug) => {
        const r = recipeBySlug.get(slug);
        return { slug, title: r?.title ?? slug, summary: r?.summary ?? null, estimated_minutes: r?.estimatedMinutes ?? null };
      }),
      hints: hintViews(s.hints, facts.hints.filter((h) => h.stageKey === s.key).map((h) => h.level)),
      has_decision: content.decisions.some((d) => d.after_stage === s.key),
    })),
    decisions: content.decisions.map((d) => ({ key: d.key, after_stage: d.after_stage, prompt: d.prompt })),
    progress: progress ? toProgress(progress, mission, content, facts) : null,
  };
}

/** What the mission pages render: `missionView`, and `missionDetail` adds the lock state to it. */
export type MissionDetail = ReturnType<typeof missionView>;

/**
 * A mission's detail for the caller: the content of the version their attempt started on (or the
 * current one), stages with hint levels (text only for hints they unlocked), decisions' prompts,
 * the recipes linked to each stage, lock state and their current attempt. Never answer checks,
 * ideal choices, score deltas or locked hint text.
 */
export async function missionDetail({ caller, idOrCode }: { caller: Caller; idOrCode: string }) {
  const mission = await visibleMission({ caller, idOrCode });
  const progress = await enforceDeadline({ userId: caller.id, missionId: mission.id });
  const content = await contentOf({ missionId: mission.id, version: progress?.missionVersion ?? mission.version });
  const facts = progress ? await attemptFacts({ progressId: progress.id }) : emptyFacts();
  const lock = await missionLock({ caller, mission });
  const recipeBySlug = await stageRecipes({ content });
  const { stages, decisions, progress: attempt, ...head } = missionView({ mission, content, progress, facts, recipeBySlug });
  // Same fields in the same order as ever: lock state sits between the version and the stages.
  return { ...head, locked: lock.locked, lock_reason: lock.reason, exception: lock.exception, enrolled: lock.enrolled, stages, decisions, progress: attempt };
}
