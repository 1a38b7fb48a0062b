import "server-only";
import { db, type Tx } from "@/lib/db";
import { TIERS } from "@/lib/db/schema/enums";
import { env } from "@/lib/env";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { successors } from "@/lib/missions/graph";
import { END, type MissionContent } from "@/lib/content/schemas";
import type { Mission } from "@/lib/db/schema";
import { findMission, missionContent } from "@/lib/db/queries/missions";
import { effectivenessCounts } from "@/lib/db/queries/recipe-analytics";
import { latestAttemptPosition, learnerStanding, recommendationFeatures } from "@/lib/db/queries/recipe-recommendations";
import { recommend, type LearnerContext, type MissionContext, type StageContext } from "./recommend";

/** Share of points below which a rubric criterion counts as a gap. */
export const GAP_THRESHOLD = 0.5;

/**
 * Skills the learner is weak in: for each skill, the most recent rubric score that covered it; a gap
 * when it was below half marks. Most recent first.
 */
function gapsOf(scores: { ratio: number; skills: string[] }[]): string[] {
  const latest = new Map<string, number>();
  for (const r of scores) {
    for (const s of r.skills) if (!latest.has(s)) latest.set(s, r.ratio);
  }
  return [...latest].filter(([, ratio]) => ratio < GAP_THRESHOLD).map(([s]) => s);
}

/**
 * The learner's tracks and current tier in each: the first tier where they have not yet passed
 * `unlock_threshold` missions (the tier they are working in).
 */
function tracksOf({ enrolled, passed, threshold: setting }: Awaited<ReturnType<typeof learnerStanding>>) {
  // Read as a number, not with lib/catalogue/gating.ts's unlockThreshold() (an integer ≥ 0): the two
  // differ only for a hand-written non-integer or negative setting, and recommendations have always
  // read it this way.
  const threshold = setting !== undefined && Number.isFinite(Number(setting)) ? Number(setting) : env().SORTIE_UNLOCK_THRESHOLD;
  return enrolled.map((track) => {
    let tier: string = TIERS[0];
    for (let i = 0; i < TIERS.length - 1; i++) {
      const n = passed.find((p) => p.track === track && p.tier === TIERS[i])?.n ?? 0;
      if (Number(n) >= threshold && threshold > 0) tier = TIERS[i + 1];
      else break;
    }
    return { track, tier };
  });
}

/** The learner's gaps, tracks and tiers (one statement). */
async function learnerContext({ userId, tx = db }: { userId: string; tx?: Tx }): Promise<LearnerContext> {
  const standing = await learnerStanding({ userId, tx });
  return { gaps: gapsOf(standing.scores), tracks: tracksOf(standing) };
}

export interface RecommendationsResult {
  mission: { code: string; title: string } | null;
  stage: { key: string; title: string; number: number } | null;
  items: ReturnType<typeof recommend>;
}

/**
 * Recommendations for the caller: at a stage of a mission (stage defaults to where their current
 * attempt is, else the first stage), or from their tracks, tier and gaps when no mission is given.
 */
export async function recommendationsFor({
  caller,
  mission: missionRef,
  stage: stageKey,
  limit = 5,
  tx = db,
}: {
  caller: Caller;
  mission?: string;
  stage?: string;
  limit?: number;
  tx?: Tx;
}): Promise<RecommendationsResult> {
  const learner = await learnerContext({ userId: caller.id, tx });
  if (!missionRef) {
    const features = await recommendationFeatures({ userId: caller.id, missionId: null, tx });
    return { mission: null, stage: null, items: recommend(features, { mission: null, learner, limit }) };
  }

  const mission = await findMission({ idOrCode: missionRef, tx });
  if (!mission || (mission.status !== "published" && caller.role !== "admin")) throw errors.notFound("Mission");
  // The content the caller plays: the version of their attempt, else the current one.
  const attempt = await latestAttemptPosition({ userId: caller.id, missionId: mission.id, tx });
  const content = (attempt && (await missionContent({ missionId: mission.id, version: attempt.version, tx }))) || (await missionContent({ missionId: mission.id, version: mission.version, tx }));
  if (!content) throw errors.notFound("Mission");
  const key = stageKey ?? attempt?.currentStage ?? content.stages[0].key;
  if (!content.stages.some((s) => s.key === key)) throw errors.validation({ stage: `mission ${mission.code} has no stage "${key}"` });
  return atStage({ caller, mission, content, stageKey: key, learner, limit, tx, effects: measuredEffects });
}

/**
 * Recommendations at a stage of a mission whose row and played content the caller already holds
 * (the stage page has loaded both, so it asks for nothing twice). The stage must be in `content`.
 */
export async function stageRecommendations({ caller, mission, content, stageKey, limit = 5 }: { caller: Caller; mission: Mission; content: MissionContent; stageKey: string; limit?: number }) {
  // The learner's standing is read beside the recipe features, not before them.
  return atStage({ caller, mission, content, stageKey, learner: learnerContext({ userId: caller.id }), limit, tx: db, effects: keptEffects });
}

type Effects = (missionId: string, tx: Tx) => Promise<Map<string, number>>;

/** Each recipe's measured effect on passing this mission (percentage points; only with enough data). */
const measuredEffects: Effects = async (missionId, tx) => {
  // Effectiveness is an aggregate over every learner's reviewed attempts.
  const measured = await effectivenessCounts({ caller: null, missionId, tx });
  return new Map(measured.filter((e) => e.result.difference).map((e) => [e.recipe.slug, e.result.difference!.estimate]));
};

// The stage page ranks with effects at most a minute old, kept per mission in this process: the
// aggregate moves only when a review lands, a minute changes no ranking a learner would notice, and
// computing it over every learner's attempts on every stage page view is the sidebar's dearest part.
// GET /recipes/recommendations stays exact.
const EFFECTS_TTL_MS = 60_000;
const effectsKept = new Map<string, { at: number; effects: Promise<Map<string, number>> }>();
const keptEffects: Effects = (missionId, tx) => {
  const now = Date.now();
  const hit = effectsKept.get(missionId);
  if (hit && now - hit.at < EFFECTS_TTL_MS) return hit.effects;
  const effects = measuredEffects(missionId, tx);
  effectsKept.set(missionId, { at: now, effects });
  // A failed computation is not kept: the next request tries again.
  effects.catch(() => effectsKept.delete(missionId));
  return effects;
};

async function atStage({ caller, mission, content, stageKey: key, learner: standing, limit, tx, effects }: { caller: Caller; mission: Mission; content: MissionContent; stageKey: string; learner: LearnerContext | Promise<LearnerContext>; limit: number; tx: Tx; effects: Effects }): Promise<RecommendationsResult> {
  const index = content.stages.findIndex((s) => s.key === key);
  const toCtx = (i: number): StageContext => ({ key: content.stages[i].key, title: content.stages[i].title, number: i + 1, requiredSkills: content.stages[i].required_skills });
  const next = successors(content, key)
    .filter((k) => k !== END)
    .map((k) => content.stages.findIndex((s) => s.key === k))
    .filter((i) => i >= 0)
    .map(toCtx);
  const ctx: MissionContext = { stage: toCtx(index), next };

  const [features, effectBySlug, learner] = await Promise.all([recommendationFeatures({ userId: caller.id, missionId: mission.id, tx }), effects(mission.id, tx), standing]);
  for (const f of features) f.effect = effectBySlug.get(f.slug) ?? null;
  return {
    mission: { code: mission.code, title: mission.title },
    stage: { key: ctx.stage.key, title: ctx.stage.title, number: ctx.stage.number },
    items: recommend(features, { mission: ctx, learner, limit }),
  };
}
