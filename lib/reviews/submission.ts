import "server-only";
import { db, type Tx } from "@/lib/db";
import type { MissionContent } from "@/lib/content/schemas";
import { claimAttempt } from "@/lib/db/queries/attempts";
import { stageTimesMs } from "@/lib/db/queries/stage-time";
import { findMission } from "@/lib/db/queries/missions";
import { learnerName } from "@/lib/db/queries/reviews";
import { decisionAfter } from "@/lib/missions/graph";
import type { Prescore } from "@/lib/missions/prescore";
import { criteriaOnPath, maxPoints } from "@/lib/missions/scoring";
import type { SecondOpinion } from "@/lib/missions/second-opinion";
import { toEvidence } from "@/lib/missions/serialize";
import { isReviewable, transition } from "@/lib/missions/state";
import { loadAttempt, prescoreOf, type Attempt } from "@/lib/attempts/load";
import { timelineOf } from "@/lib/attempts/timeline";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { attemptForReviewer } from "./access";
import { reviewHistory } from "./history";
import { moderationForViewer } from "./moderation";
import { suggestionsForReviewer } from "./ai-suggestions";

// A submission as its reviewer sees it (SPEC §5 "Review + Rubric"): the learner's route with notes,
// answers, time and hints per stage, the expert's choices, evidence, the pre-score and the rubric.

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

/** The expert's choice per decision (when the author marked one), shown after review. */
export function expertChoices(content: MissionContent) {
  return content.decisions.map((d) => {
    const ideal = d.choices.find((c) => c.ideal);
    return { decision: d.key, after_stage: d.after_stage, prompt: d.prompt, choice: ideal ? { id: ideal.id, label: ideal.label, rationale: ideal.rationale ?? null, next_stage: ideal.next_stage } : null };
  });
}

function expectedAnswer(answer: MissionContent["stages"][number]["answer"]) {
  if (!answer) return null;
  return answer.kind === "exact" ? answer.value : answer.kind === "set" ? answer.values.join(", ") : `/${answer.pattern}/`;
}

function pathSteps(a: Attempt, timesMs: Record<string, number>, prescore: Prescore) {
  const completions = new Map(a.facts.completions.map((c) => [c.stageKey, c]));
  const choices = new Map(a.facts.decisions.map((c) => [c.decisionKey, c]));
  return a.route.path.map((key) => {
    const stage = a.content.stages.find((s) => s.key === key);
    const done = completions.get(key);
    const decision = decisionAfter(a.content, key);
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
      expected_answer: expectedAnswer(stage?.answer),
      answer_explanation: stage?.answer?.explanation ?? null,
      links: done?.links ?? [],
      time_seconds: key in timesMs ? Math.round(timesMs[key] / 1000) : null,
      hints: a.facts.hints.filter((h) => h.stageKey === key).map((h) => ({ level: h.level, penalty: h.penalty })),
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
 * A submission as the reviewer sees it. With `open`, a `submitted` attempt moves to `in_review` (it
 * leaves the other mentors' "new" list). Claiming does NOT bump `version`: the version counts changes
 * a review could overwrite (the learner's work and earlier reviews), so the version shown in the
 * queue and here is the one a review must carry.
 */
export async function submissionForReview({ caller, progressId, open = false, tx = db }: { caller: Caller; progressId: string; open?: boolean; tx?: Tx }) {
  let p = await attemptForReviewer({ caller, progressId, tx });
  if (p.state === "not_started") throw errors.notFound("Submission");
  if (open && p.state === "submitted") p = (await claimAttempt(tx, { id: p.id, from: "submitted", to: transition("submitted", "begin_review"), version: p.version })) ?? p;
  const [a, mission, learner, times, history, moderation, aiSuggestions] = await Promise.all([
    loadAttempt(p, { tx }),
    findMission({ idOrCode: p.missionId, tx }),
    learnerName({ userId: p.userId, tx }),
    stageTimesMs({ progressId: p.id, tx }),
    reviewHistory(p.id, tx),
    moderationForViewer({ caller, p, tx }),
    suggestionsForReviewer({ caller, p, tx }),
  ]);
  const timeline = await timelineOf(p, a.content);
  const prescore = prescoreOf(a);
  const content = a.content;
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
      // Not while the caller's own marks wait for a second mentor, nor while a moderator decides.
      reviewable: isReviewable(p.state) && (!moderation || moderation.can_mark),
    },
    learner,
    mission: {
      id: mission!.id,
      code: mission!.code,
      title: content.title,
      track: content.track,
      tier: content.tier,
      version: p.missionVersion,
      objectives: content.objectives,
      min_score: content.success_criteria.min_score,
      required_stages: content.success_criteria.required_stages,
      success_items: content.success_criteria.items,
      reflection_prompt: content.reflection_prompt ?? null,
    },
    stages: content.stages.map((s) => ({ key: s.key, title: s.title, weight: s.weight, on_path: a.route.path.includes(s.key) })),
    path: pathSteps(a, times, prescore),
    expert_path: expertChoices(content),
    hints: { total_penalty: p.hintPenalty, items: a.facts.hints.map((h) => ({ stage: h.stageKey, level: h.level, penalty: h.penalty })) },
    evidence: a.facts.evidence.map((e) => toEvidence(e, mission!.code)),
    prescore: { score: prescore.score, items: prescore.items, answers: prescore.answers },
    /** Only when an AI endpoint is configured and has answered; labelled as AI wherever shown. */
    second_opinion: (p.prescore as { second_opinion?: SecondOpinion } | null)?.second_opinion ?? null,
    rubric: rubricOf(content, a.route.path),
    reviews: history,
    /** The attempt as the learner lived it (SPEC §7 "Timeline"). */
    timeline,
    /** Double-marking of this version: its status and the caller's own marks only (blind). */
    moderation,
    /** With SORTIE_AI_URL: the model's level and remark per criterion (pending until the job has run). */
    ai_suggestions: aiSuggestions,
  };
}
export type SubmissionDetail = Awaited<ReturnType<typeof submissionForReview>>;
