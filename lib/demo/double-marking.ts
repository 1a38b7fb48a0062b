import "server-only";
import type { Tx } from "@/lib/db";
import { missionModeration, moderations, reviewMarks } from "@/lib/db/schema";
import { computeScore } from "@/lib/missions/scoring";
import { compareMarks, isSampled } from "@/lib/reviews/moderation-rules";
import type { MissionInfo, Simulated } from "./simulate";

// Double-marking in the demo history (SPEC §7 "Calibration and moderation"): each cohort mission is
// double-marked at DEMO_RATE%, sampled the way the app samples (the n-th first mark of the mission).
// The cohort's own mentor gave the released review; the other mentor gave blind second marks drawn
// from the same levels with noise, and one of them (Ravi) grows more lenient as the weeks pass, so
// the calibration page shows agreement with intervals and a visible drift. Marks that differ past
// the rule went to the demo admin, who kept the first review. Its own random source, so the rest of
// the demo history is unchanged.

export const DEMO_RATE = 40;
const THRESHOLD = 10;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeDoubleMarking(
  tx: Tx,
  { sims, reviewOf, firstMentor, secondMentor, lenientMentor, adminId, info, start, now }: {
    sims: Simulated[];
    reviewOf: Map<string, string>;
    firstMentor: (s: Simulated) => string;
    secondMentor: (s: Simulated) => string;
    lenientMentor: string;
    adminId: string | null;
    info: Map<string, MissionInfo>;
    start: Date;
    now: Date;
  },
) {
  const r = rng(7_2026);
  const byMission = new Map<string, Simulated[]>();
  for (const s of sims.filter((x) => x.review).sort((a, b) => a.review!.at.getTime() - b.review!.at.getTime())) byMission.set(s.progress.missionId, [...(byMission.get(s.progress.missionId) ?? []), s]);
  const span = Math.max(1, now.getTime() - start.getTime());
  for (const m of info.values()) {
    const list = byMission.get(m.id) ?? [];
    await tx.insert(missionModeration).values({ missionId: m.id, doubleMarkingPercent: DEMO_RATE, thresholdPoints: THRESHOLD, firstMarks: list.length, updatedBy: adminId }).onConflictDoNothing();
    const c = m.content;
    for (const [i, s] of list.entries()) {
      if (!isSampled(i + 1, DEMO_RATE)) continue;
      const rv = s.review!;
      const first = Object.fromEntries(rv.scores.map((x) => [x.criterionKey, x.levelIndex]));
      const second: Record<string, number> = {};
      const second_id = secondMentor(s);
      // The lenient mentor's chance of marking a level up grows from 5% to 90% over the history (and of marking one down shrinks to none).
      const t = (rv.at.getTime() - start.getTime()) / span;
      const lenient = second_id === lenientMentor;
      const up = lenient ? 0.05 + 0.85 * t : 0.12;
      const down = lenient ? 0.12 * (1 - t) : 0.12;
      for (const [key, level] of Object.entries(first)) {
        const cr = c.rubric.find((x) => x.key === key)!;
        const order = cr.levels.map((lv, idx) => ({ idx, points: lv.points })).sort((a, b) => a.points - b.points).map((x) => x.idx);
        let pos = order.indexOf(level);
        const u = r();
        if (u < up) pos += 1;
        else if (u < up + down) pos -= 1;
        second[key] = order[Math.max(0, Math.min(order.length - 1, pos))];
      }
      const result = computeScore({ stages: c.stages, criteria: c.rubric, path: s.progress.path, levels: second, decisionDelta: s.progress.decisionDelta, hintPenalty: s.progress.hintPenalty, minScore: c.success_criteria.min_score, requiredStages: c.success_criteria.required_stages });
      const outcome = rv.outcome === "approved" ? (result.passed ? "approved" : "changes_requested") : result.passed && rv.outcome === "changes_requested" ? "approved" : rv.outcome;
      const cmp = compareMarks({ outcome: rv.outcome, score: rv.score, levels: first }, { outcome, score: result.score, levels: second }, THRESHOLD);
      const firstAt = new Date(rv.at.getTime() - (2 + 20 * r()) * 3600_000);
      const [mod] = await tx
        .insert(moderations)
        .values({ progressId: s.progress.id, basedOnVersion: 2, missionId: m.id, status: "final", reasons: cmp.reasons, moderatorId: cmp.disagree ? adminId : null, finalReviewId: reviewOf.get(s.progress.id)!, createdAt: firstAt, resolvedAt: rv.at })
        .returning({ id: moderations.id });
      const body = (o: string, levels: Record<string, number>, feedback: string) => ({ version: 2, outcome: o, scores: Object.entries(levels).map(([criterion, level]) => ({ criterion, level })), feedback, stage_feedback: {}, recommended_recipes: [], anchors: [] });
      await tx.insert(reviewMarks).values([
        { moderationId: mod.id, progressId: s.progress.id, basedOnVersion: 2, round: 1, mentorId: firstMentor(s), outcome: rv.outcome, score: rv.score, passed: rv.passed, levels: first, body: body(rv.outcome, first, rv.feedback), createdAt: firstAt },
        { moderationId: mod.id, progressId: s.progress.id, basedOnVersion: 2, round: 2, mentorId: second_id, outcome, score: result.score, passed: result.passed, levels: second, body: body(outcome, second, "Second, blind marks."), createdAt: rv.at },
      ]);
    }
  }
}
