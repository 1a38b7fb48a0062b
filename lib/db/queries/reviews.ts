import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import {
  decisionsMade,
  evidence,
  hintsUnlocked,
  missionProgress,
  missions,
  portfolioItems,
  recipes,
  reviewScores,
  reviews,
  stageCompletions,
  telemetryEvents,
  users,
} from "@/lib/db/schema";
import { TIERS } from "@/lib/db/schema/enums";
import type { MissionContent } from "@/lib/content/schemas";
import type { QueueFilters, ReviewBody } from "@/lib/api/contracts/reviews";
import type { Caller } from "@/lib/auth/session";
import { errors, isUniqueViolation } from "@/lib/errors";
import { canSeeLearner, mentorLearnerCondition } from "./access";
import { findMission, missionContent } from "./missions";
import { computePath, decisionAfter } from "@/lib/missions/graph";
import { computePrescore, type Prescore } from "@/lib/missions/prescore";
import { computeScore, criteriaOnPath, maxPoints, resolveLevel, type ScoringResult } from "@/lib/missions/scoring";
import { timePerStage } from "@/lib/missions/stage-time";
import { recordEvents } from "@/lib/telemetry/record";
import { requestSecondOpinion, type OpinionConfig, type SecondOpinion } from "@/lib/missions/second-opinion";
import { env } from "@/lib/env";

// Mentor review (SPEC §3 "Scoring", §4 /reviews). A mentor sees submissions of the learners
// assigned to them (directly or through a cohort, lib/db/queries/access.ts); an admin sees all.
// Results are plain snake_case objects: the API returns them as they are, pages render them.

export const REVIEWABLE_STATES = ["submitted", "in_review"] as const;


// ---------------------------------------------------------------- helpers

export async function loadProgress(progressId: string, tx: Tx = db) {
  const [p] = await tx.select().from(missionProgress).where(eq(missionProgress.id, progressId)).limit(1);
  return p;
}

/** The progress, if the caller may see it as a reviewer (admin, or the learner's mentor); else 404. */
async function progressForReviewer({ caller, progressId, tx = db }: { caller: Caller; progressId: string; tx?: Tx }) {
  const p = await loadProgress(progressId, tx);
  if (!p || p.userId === caller.id || !(await canSeeLearner({ caller, learnerId: p.userId, tx }))) throw errors.notFound("Submission");
  if (caller.role !== "admin" && caller.role !== "mentor") throw errors.notFound("Submission");
  return p;
}

export async function contentFor(p: { missionId: string; missionVersion: number }, tx: Tx = db): Promise<MissionContent> {
  const c = await missionContent({ missionId: p.missionId, version: p.missionVersion, tx });
  if (!c) throw errors.notFound("Mission version");
  return c;
}

/** The learner's path: stored on the progress, else recomputed from completions and choices. */
function pathOf(content: MissionContent, stored: string[], completed: Set<string>, choices: Map<string, string>): string[] {
  if (stored.length > 0) return stored;
  return computePath(content, completed, choices).path;
}

export function reviewerName(name: string | null) {
  return name ?? "Another mentor";
}

function minutesAgo(d: Date) {
  const m = Math.max(0, Math.round((Date.now() - d.getTime()) / 60000));
  return m < 1 ? "just now" : m < 60 ? `${m} min ago` : m < 60 * 24 ? `${Math.round(m / 60)} h ago` : `${Math.round(m / 1440)} days ago`;
}

// ---------------------------------------------------------------- queue

export interface QueueItem {
  progress_id: string;
  version: number;
  state: string;
  attempt: number;
  learner: { id: string; name: string };
  mission: { id: string; code: string; title: string; track: string; tier: string };
  submitted_at: string | null;
  waiting_seconds: number;
  prescore: number | null;
}

/** Submissions waiting for review that the caller may review, oldest first. */
export async function reviewQueue({ caller, filters = {}, tx = db }: { caller: Caller; filters?: QueueFilters; tx?: Tx }): Promise<QueueItem[]> {
  if (caller.role !== "mentor" && caller.role !== "admin") throw errors.forbidden();
  const where: SQL[] = [inArray(missionProgress.state, [...REVIEWABLE_STATES])];
  if (caller.role === "mentor") where.push(mentorLearnerCondition(caller.id, missionProgress.userId));
  if (filters.mission) {
    const m = await findMission({ idOrCode: filters.mission, tx });
    if (!m) return [];
    where.push(eq(missionProgress.missionId, m.id));
  }
  if (filters.track) where.push(eq(missions.track, filters.track));
  if (filters.tier) where.push(eq(missions.tier, filters.tier));
  const list = await tx
    .select({
      id: missionProgress.id,
      version: missionProgress.version,
      state: missionProgress.state,
      attempt: missionProgress.attempt,
      submittedAt: missionProgress.submittedAt,
      updatedAt: missionProgress.updatedAt,
      prescore: missionProgress.prescore,
      learnerId: users.id,
      learnerName: users.name,
      missionId: missions.id,
      code: missions.code,
      title: missions.title,
      track: missions.track,
      tier: missions.tier,
    })
    .from(missionProgress)
    .innerJoin(users, eq(users.id, missionProgress.userId))
    .innerJoin(missions, eq(missions.id, missionProgress.missionId))
    .where(and(...where))
    .orderBy(sql`${missionProgress.submittedAt} asc nulls last`, asc(missionProgress.createdAt))
    .limit(500);
  const now = Date.now();
  return list.map((r) => {
    const since = r.submittedAt ?? r.updatedAt;
    const ps = r.prescore as Partial<Prescore> | null;
    return {
      progress_id: r.id,
      version: r.version,
      state: r.state,
      attempt: r.attempt,
      learner: { id: r.learnerId, name: r.learnerName },
      mission: { id: r.missionId, code: r.code, title: r.title, track: r.track, tier: r.tier },
      submitted_at: r.submittedAt?.toISOString() ?? null,
      waiting_seconds: Math.max(0, Math.round((now - since.getTime()) / 1000)),
      prescore: typeof ps?.score === "number" ? ps.score : null,
    };
  });
}

// ---------------------------------------------------------------- submission detail

async function gatherSubmission(p: typeof missionProgress.$inferSelect, tx: Tx) {
  const content = await contentFor(p, tx);
  const [mission] = await tx.select().from(missions).where(eq(missions.id, p.missionId));
  const [learner] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, p.userId));
  const completions = await tx.select().from(stageCompletions).where(eq(stageCompletions.progressId, p.id));
  const choices = await tx.select().from(decisionsMade).where(eq(decisionsMade.progressId, p.id));
  const hints = await tx.select().from(hintsUnlocked).where(eq(hintsUnlocked.progressId, p.id)).orderBy(asc(hintsUnlocked.stageKey), asc(hintsUnlocked.level));
  const files = await tx.select().from(evidence).where(eq(evidence.progressId, p.id)).orderBy(asc(evidence.createdAt));
  const path = pathOf(content, p.path ?? [], new Set(completions.map((c) => c.stageKey)), new Map(choices.map((c) => [c.decisionKey, c.choiceKey])));
  return { content, mission, learner, completions, choices, hints, files, path };
}

type Gathered = Awaited<ReturnType<typeof gatherSubmission>>;

function toEvidence(missionCode: string, e: typeof evidence.$inferSelect) {
  return {
    id: e.id,
    stage: e.stageKey,
    kind: e.kind,
    name: e.fileName ?? e.url ?? "link",
    content_type: e.contentType,
    size: e.size,
    sha256: e.sha256,
    url: e.kind === "link" ? e.url : null,
    download_url: e.kind === "file" ? `/api/v1/missions/${missionCode}/evidence/${e.id}` : null,
  };
}

function rubricOf(content: MissionContent, path: string[]) {
  const counted = new Set(criteriaOnPath(content.rubric, path).map((c) => c.key));
  return content.rubric.map((c) => ({
    key: c.key,
    stage: c.stage,
    title: c.title,
    description: c.description,
    weight: c.weight,
    skills: c.skills,
    on_path: counted.has(c.key),
    max_points: maxPoints(c),
    levels: c.levels.map((l, i) => ({ index: i, points: l.points, label: l.label, descriptor: l.descriptor })),
  }));
}

/** The expert's choice per decision (when the author marked one), for paths shown after review. */
export function expertPath(content: MissionContent) {
  return content.decisions.map((d) => {
    const ideal = d.choices.find((c) => c.ideal);
    return { decision: d.key, after_stage: d.after_stage, prompt: d.prompt, choice: ideal ? { id: ideal.id, label: ideal.label, rationale: ideal.rationale ?? null, next_stage: ideal.next_stage } : null };
  });
}

function pathSteps(g: Gathered, times: Record<string, number>, prescore: Prescore) {
  const completions = new Map(g.completions.map((c) => [c.stageKey, c]));
  const choices = new Map(g.choices.map((c) => [c.decisionKey, c]));
  return g.path.map((key) => {
    const stage = g.content.stages.find((s) => s.key === key);
    const done = completions.get(key);
    const decision = decisionAfter(g.content, key);
    const made = decision ? choices.get(decision.key) : undefined;
    const chosen = decision && made ? decision.choices.find((c) => c.id === made.choiceKey) : undefined;
    const ideal = decision?.choices.find((c) => c.ideal);
    return {
      stage: key,
      title: stage?.title ?? key,
      weight: stage?.weight ?? 0,
      completed: Boolean(done),
      notes: done?.notes ?? "",
      notes_min_chars: stage?.notes_min_chars ?? 0,
      answer: done?.answer ?? null,
      answer_prompt: stage?.answer_prompt ?? null,
      answer_verdict: prescore.answers[key] ?? null,
      expected_answer: stage?.answer ? (stage.answer.kind === "exact" ? stage.answer.value : stage.answer.kind === "set" ? stage.answer.values.join(", ") : `/${stage.answer.pattern}/`) : null,
      answer_explanation: stage?.answer?.explanation ?? null,
      links: done?.links ?? [],
      time_seconds: times[key] ?? null,
      hints: g.hints.filter((h) => h.stageKey === key).map((h) => ({ level: h.level, penalty: h.penalty })),
      decision: decision
        ? {
            key: decision.key,
            prompt: decision.prompt,
            chosen: chosen ? { id: chosen.id, label: chosen.label, score_delta: made!.scoreDelta } : null,
            expert: ideal ? { id: ideal.id, label: ideal.label, rationale: ideal.rationale ?? null } : null,
          }
        : null,
    };
  });
}

/**
 * A submission as the reviewer sees it. With `open`, a `submitted` progress moves to `in_review`
 * (it leaves the other mentors' "new" list). Claiming does NOT bump `version`: the version counts
 * changes a review could overwrite (the learner's work and earlier reviews), so the version shown
 * in the queue and here is the one a review must carry.
 */
export async function submissionForReview({ caller, progressId, open = false, tx = db }: { caller: Caller; progressId: string; open?: boolean; tx?: Tx }) {
  let p = await progressForReviewer({ caller, progressId, tx });
  if (p.state === "not_started") throw errors.notFound("Submission");
  if (open && p.state === "submitted") {
    const [u] = await tx
      .update(missionProgress)
      .set({ state: "in_review" })
      .where(and(eq(missionProgress.id, p.id), eq(missionProgress.state, "submitted"), eq(missionProgress.version, p.version)))
      .returning();
    if (u) p = u;
  }
  const g = await gatherSubmission(p, tx);
  const events = await tx
    .select({ type: telemetryEvents.type, stageKey: telemetryEvents.stageKey, occurredAt: telemetryEvents.occurredAt })
    .from(telemetryEvents)
    .where(and(eq(telemetryEvents.progressId, p.id), inArray(telemetryEvents.type, ["stage.entered", "stage.left"])));
  const times = timePerStage(events);
  const stored = p.prescore as Prescore | null;
  const prescore: Prescore =
    stored && Array.isArray(stored.items)
      ? stored
      : computePrescore({
          mission: g.content,
          path: g.path,
          completions: g.completions.map((c) => ({ stageKey: c.stageKey, notes: c.notes, answer: c.answer })),
          evidence: g.files.map((e) => ({ stageKey: e.stageKey, kind: e.kind as "file" | "link", contentType: e.contentType })),
          reflection: p.reflection,
        });
  const history = await reviewHistory(p.id, tx);
  const secondOpinion = (stored as { second_opinion?: SecondOpinion } | null)?.second_opinion ?? null;
  return {
    progress: {
      id: p.id,
      state: p.state,
      version: p.version,
      attempt: p.attempt,
      started_at: p.startedAt.toISOString(),
      submitted_at: p.submittedAt?.toISOString() ?? null,
      reviewed_at: p.reviewedAt?.toISOString() ?? null,
      reflection: p.reflection ?? "",
      hint_penalty: p.hintPenalty,
      decision_delta: p.decisionDelta,
      score: p.score,
      passed: p.passed,
      reviewable: (REVIEWABLE_STATES as readonly string[]).includes(p.state),
    },
    learner: g.learner,
    mission: {
      id: g.mission.id,
      code: g.mission.code,
      title: g.content.title,
      track: g.content.track,
      tier: g.content.tier,
      version: p.missionVersion,
      objectives: g.content.objectives,
      min_score: g.content.success_criteria.min_score,
      required_stages: g.content.success_criteria.required_stages,
      success_items: g.content.success_criteria.items,
      reflection_prompt: g.content.reflection_prompt ?? null,
    },
    stages: g.content.stages.map((s) => ({ key: s.key, title: s.title, weight: s.weight, on_path: g.path.includes(s.key) })),
    path: pathSteps(g, times, prescore),
    expert_path: expertPath(g.content),
    hints: { total_penalty: p.hintPenalty, items: g.hints.map((h) => ({ stage: h.stageKey, level: h.level, penalty: h.penalty })) },
    evidence: g.files.map((e) => toEvidence(g.mission.code, e)),
    prescore: { score: prescore.score, items: prescore.items, answers: prescore.answers },
    /** Only when an AI endpoint is configured and has answered; labelled as AI wherever shown. */
    second_opinion: secondOpinion,
    rubric: rubricOf(g.content, g.path),
    reviews: history,
  };
}
export type SubmissionDetail = Awaited<ReturnType<typeof submissionForReview>>;

export async function reviewHistory(progressId: string, tx: Tx) {
  const list = await tx
    .select({ r: reviews, mentorName: users.name })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.mentorId))
    .where(eq(reviews.progressId, progressId))
    .orderBy(desc(reviews.createdAt));
  if (list.length === 0) return [];
  const scores = await tx.select().from(reviewScores).where(inArray(reviewScores.reviewId, list.map((l) => l.r.id)));
  return list.map(({ r, mentorName }) => ({
    id: r.id,
    mentor: { id: r.mentorId, name: reviewerName(mentorName) },
    based_on_version: r.basedOnVersion,
    outcome: r.outcome,
    score: r.score,
    passed: r.passed,
    feedback: r.feedback,
    stage_feedback: r.stageFeedback,
    recommended_recipes: r.recommendedRecipes,
    created_at: r.createdAt.toISOString(),
    scores: scores
      .filter((s) => s.reviewId === r.id)
      .map((s) => ({ criterion: s.criterionKey, stage: s.stageKey, level: s.levelIndex, points: s.points, max_points: s.maxPoints, remark: s.remark })),
  }));
}

// ---------------------------------------------------------------- submitting a review

/** Checks the review against the mission's rubric and the learner's path; every problem with its field. */
export function resolveScores(content: MissionContent, path: string[], body: Pick<ReviewBody, "scores" | "stage_feedback">) {
  const fields: Record<string, string> = {};
  const counted = criteriaOnPath(content.rubric, path);
  const countedKeys = new Set(counted.map((c) => c.key));
  const levels: Record<string, number> = {};
  const remarks: Record<string, string | undefined> = {};
  body.scores.forEach((s, i) => {
    const c = content.rubric.find((x) => x.key === s.criterion);
    if (!c) return void (fields[`scores[${i}].criterion`] = `unknown criterion "${s.criterion}"`);
    if (!countedKeys.has(c.key)) return void (fields[`scores[${i}].criterion`] = `criterion "${c.key}" is for stage "${c.stage}", which is not on the learner's path`);
    if (c.key in levels) return void (fields[`scores[${i}].criterion`] = `criterion "${c.key}" is scored twice`);
    const idx = resolveLevel(c.levels, s.level);
    if (idx === null)
      return void (fields[`scores[${i}].level`] = `no level "${s.level}"; use an index 0–${c.levels.length - 1} or one of: ${c.levels.map((l) => l.label).join(", ")}`);
    levels[c.key] = idx;
    remarks[c.key] = s.remark || undefined;
  });
  const missing = counted.filter((c) => !(c.key in levels)).map((c) => c.key);
  if (missing.length && !Object.keys(fields).some((f) => f.startsWith("scores"))) fields.scores = `pick a level for every criterion; missing: ${missing.join(", ")}`;
  for (const k of Object.keys(body.stage_feedback)) if (!path.includes(k)) fields[`stage_feedback.${k}`] = `"${k}" is not a stage on the learner's path`;
  return { fields, levels, remarks, counted };
}

export interface ReviewResult {
  review: { id: string; outcome: string; score: number; passed: boolean; created_at: string };
  progress: { id: string; state: string; version: number; score: number | null; passed: boolean | null };
  portfolio_item: { id: string; public_slug: string } | null;
  scoring: Pick<ScoringResult, "base" | "decisionDelta" | "hintPenalty" | "failReasons">;
}

/** Why a version is stale, in words: who reviewed it meanwhile, or that the learner changed it. */
async function staleConflict(progressId: string, tx: Tx) {
  const [last] = await tx
    .select({ name: users.name, outcome: reviews.outcome, at: reviews.createdAt })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.mentorId))
    .where(eq(reviews.progressId, progressId))
    .orderBy(desc(reviews.createdAt))
    .limit(1);
  const current = await loadProgress(progressId, tx);
  const outcome = last?.outcome.replace("_", " ");
  const message = last
    ? `${reviewerName(last.name)} reviewed this submission ${minutesAgo(last.at)} (${outcome}) while you were scoring it. Reload to see their review.`
    : "The submission changed since you opened it. Reload to review the latest version.";
  return errors.conflict(message, {
    current_version: current?.version ?? null,
    state: current?.state ?? null,
    reviewed_by: last ? { name: reviewerName(last.name), outcome: last.outcome, at: last.at.toISOString() } : null,
  });
}

export async function submitReview({ caller, progressId, body }: { caller: Caller; progressId: string; body: ReviewBody }): Promise<ReviewResult> {
  if (caller.role !== "mentor" && caller.role !== "admin") throw errors.forbidden();
  const p = await progressForReviewer({ caller, progressId });
  if (p.version !== body.version) throw await staleConflict(p.id, db);
  if (!(REVIEWABLE_STATES as readonly string[]).includes(p.state))
    throw errors.conflict(`This submission is not waiting for review (it is ${p.state.replace("_", " ")}).`, { state: p.state, current_version: p.version });

  const g = await gatherSubmission(p, db);
  const { fields, levels, remarks, counted } = resolveScores(g.content, g.path, body);
  if ((body.outcome === "changes_requested" || body.outcome === "failed") && !body.feedback.trim())
    fields.feedback = body.outcome === "failed" ? "explain why the attempt failed" : "say what the learner should change";
  const slugs = [...new Set(body.recommended_recipes)];
  if (slugs.length) {
    const found = new Set((await db.select({ slug: recipes.slug }).from(recipes).where(inArray(recipes.slug, slugs))).map((r) => r.slug));
    body.recommended_recipes.forEach((s, i) => {
      if (!found.has(s)) fields[`recommended_recipes[${i}]`] = `no recipe "${s}"`;
    });
  }
  if (Object.keys(fields).length) throw errors.validation(fields, "The review is not complete.");

  const result = computeScore({
    stages: g.content.stages,
    criteria: g.content.rubric,
    path: g.path,
    levels,
    decisionDelta: p.decisionDelta,
    hintPenalty: p.hintPenalty,
    minScore: g.content.success_criteria.min_score,
    requiredStages: g.content.success_criteria.required_stages,
  });
  if (body.outcome === "approved" && !result.passed)
    throw errors.rule(`This attempt does not pass, so it cannot be approved: ${result.failReasons.join(" ")} Request changes or fail it.`, undefined, {
      score: result.score,
      fail_reasons: result.failReasons,
    });

  const now = new Date();
  try {
    return await db.transaction(async (tx) => {
      const nextState = body.outcome === "changes_requested" ? "in_progress" : body.outcome;
      const final = body.outcome !== "changes_requested";
      // The version check and the state change in one statement: a concurrent review waits on the
      // row lock, re-reads the row, finds the version moved on and updates nothing.
      const [updated] = await tx
        .update(missionProgress)
        .set({
          state: nextState,
          score: final ? result.score : null,
          passed: final ? result.passed : null,
          reviewedAt: now,
          ...(body.outcome === "approved" ? { completedAt: now } : {}),
          version: sql`${missionProgress.version} + 1`,
        })
        .where(and(eq(missionProgress.id, p.id), eq(missionProgress.version, body.version), inArray(missionProgress.state, [...REVIEWABLE_STATES])))
        .returning();
      if (!updated) throw await staleConflict(p.id, tx);

      const [review] = await tx
        .insert(reviews)
        .values({
          progressId: p.id,
          mentorId: caller.id,
          basedOnVersion: body.version,
          outcome: body.outcome,
          score: result.score,
          passed: result.passed,
          feedback: body.feedback,
          stageFeedback: Object.fromEntries(Object.entries(body.stage_feedback).filter(([, v]) => v.trim())),
          recommendedRecipes: slugs,
          createdAt: now,
        })
        .returning();
      await tx.insert(reviewScores).values(
        counted.map((c) => ({
          reviewId: review.id,
          criterionKey: c.key,
          stageKey: c.stage,
          levelIndex: levels[c.key],
          points: c.levels[levels[c.key]].points,
          maxPoints: maxPoints(c),
          remark: remarks[c.key] ?? null,
        })),
      );

      let item: { id: string; public_slug: string } | null = null;
      if (body.outcome === "approved") {
        const files = g.files.filter((e) => e.kind === "file");
        const inserted = await tx
          .insert(portfolioItems)
          .values({
            userId: p.userId,
            progressId: p.id,
            missionId: p.missionId,
            code: g.mission.code,
            title: g.content.title,
            track: g.content.track,
            tier: g.content.tier,
            score: result.score,
            rubricSummary: counted.map((c) => ({ criterion: c.title, level: c.levels[levels[c.key]].label, points: c.levels[levels[c.key]].points, max: maxPoints(c) })),
            reflection: p.reflection ?? "",
            evidence: files.map((f) => ({ name: f.fileName ?? "file", sha256: f.sha256 ?? "", size: f.size ?? 0 })),
            completedAt: now,
            publicSlug: `${g.mission.code.toLowerCase()}-${randomBytes(6).toString("hex")}`,
          })
          .onConflictDoNothing({ target: portfolioItems.progressId })
          .returning({ id: portfolioItems.id, slug: portfolioItems.publicSlug });
        const row = inserted[0] ?? (await tx.select({ id: portfolioItems.id, slug: portfolioItems.publicSlug }).from(portfolioItems).where(eq(portfolioItems.progressId, p.id)))[0];
        item = row ? { id: row.id, public_slug: row.slug } : null;
      }

      await recordEvents(tx, [
        {
          type: "mission.reviewed",
          userId: p.userId,
          missionId: p.missionId,
          progressId: p.id,
          occurredAt: now,
          payload: { review_id: review.id, mentor_id: caller.id, outcome: body.outcome, score: result.score, passed: result.passed, based_on_version: body.version },
        },
      ]);

      return {
        review: { id: review.id, outcome: review.outcome, score: review.score, passed: review.passed, created_at: review.createdAt.toISOString() },
        progress: { id: updated.id, state: updated.state, version: updated.version, score: updated.score, passed: updated.passed },
        portfolio_item: item,
        scoring: { base: result.base, decisionDelta: result.decisionDelta, hintPenalty: result.hintPenalty, failReasons: result.failReasons },
      };
    });
  } catch (e) {
    // Same version reviewed twice at the same instant: the unique (progress, based_on_version) catches it.
    if (isUniqueViolation(e)) throw await staleConflict(p.id, db);
    throw e;
  }
}

// ---------------------------------------------------------------- options for the review screens

/** Missions for the queue's filter. */
export async function missionFilterOptions({ tx = db }: { tx?: Tx } = {}) {
  return tx.select({ code: missions.code, title: missions.title }).from(missions).orderBy(asc(missions.code));
}

/** Published recipes for the recommendation picker. */
export async function recipeOptions({ tx = db }: { tx?: Tx } = {}) {
  const list = await tx
    .select({ slug: recipes.slug, title: recipes.title, summary: recipes.summary, skills: recipes.skills, minutes: recipes.estimatedMinutes })
    .from(recipes)
    .where(eq(recipes.status, "published"))
    .orderBy(asc(recipes.title));
  return list.map((r) => ({ slug: r.slug, title: r.title, summary: r.summary, skills: r.skills, estimated_minutes: r.minutes }));
}
export type RecipeOption = Awaited<ReturnType<typeof recipeOptions>>[number];

// ---------------------------------------------------------------- optional AI second opinion

export function aiConfig(): OpinionConfig | null {
  const e = env();
  return e.SORTIE_AI_URL && e.SORTIE_AI_KEY ? { url: e.SORTIE_AI_URL, key: e.SORTIE_AI_KEY, model: e.SORTIE_AI_MODEL } : null;
}

/**
 * Asks the configured AI endpoint for a second opinion on a submission and stores it next to the
 * deterministic pre-score (`prescore.second_opinion`), outside any learner or review transaction and
 * without touching `version`. A no-op (null) without SORTIE_AI_URL + SORTIE_AI_KEY, or once stored.
 * Call it after the submit commits (e.g. `after(() => recordSecondOpinion({ progressId }))`).
 */
export async function recordSecondOpinion({ progressId, config = aiConfig() }: { progressId: string; config?: OpinionConfig | null }): Promise<SecondOpinion | null> {
  if (!config) return null;
  const p = await loadProgress(progressId);
  if (!p || !(REVIEWABLE_STATES as readonly string[]).includes(p.state)) return null;
  const stored = (p.prescore ?? null) as (Prescore & { second_opinion?: SecondOpinion }) | null;
  if (stored?.second_opinion) return stored.second_opinion;
  const g = await gatherSubmission(p, db);
  const completions = g.completions.map((c) => ({ stageKey: c.stageKey, notes: c.notes, answer: c.answer }));
  const prescore =
    stored && Array.isArray(stored.items)
      ? stored
      : computePrescore({ mission: g.content, path: g.path, completions, evidence: g.files.map((e) => ({ stageKey: e.stageKey, kind: e.kind as "file" | "link", contentType: e.contentType })), reflection: p.reflection });
  const opinion = await requestSecondOpinion({ mission: g.content, path: g.path, completions, reflection: p.reflection, prescore }, config);
  if (!opinion) return null;
  await db.execute(
    sql`update ${missionProgress} set prescore = coalesce(prescore, '{}'::jsonb) || jsonb_build_object('second_opinion', ${JSON.stringify(opinion)}::jsonb) where id = ${p.id}`,
  );
  return opinion;
}
