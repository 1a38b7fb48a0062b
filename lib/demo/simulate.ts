import { randomUUID } from "node:crypto";
import { END, type MissionContent } from "@/lib/content/schemas";
import { computeScore } from "@/lib/missions/scoring";
import { checkAnswer } from "@/lib/missions/prescore";
import type { EventRecord } from "@/lib/telemetry/events";
import { mentorFeedback, pick, reflection, stageNotes, wrongAnswer, type Rng } from "./voices";

// One generated learner's attempt at a mission (lib/demo/cohort-activity.ts), as rows: the path,
// completions, decisions, hints, tools, recipe use, the browser's telemetry (visible time per stage,
// nudges shown/opened/dismissed, recipe views) and the mentor's review. Pure apart from ids; the
// random source is seeded, so a fresh demo is the same every time. Cause and effect are built in on
// purpose, so the dashboards have something true to find: opening a nudge or using a recipe makes
// finishing the stage likelier and faster and the review better; skill drives decisions and levels.

export interface Learner {
  id: string;
  name: string;
  skill: number; // 0..1
  diligence: number; // 0..1: how readily they open recipes and nudges
}
export interface MissionInfo {
  id: string;
  code: string;
  version: number;
  content: MissionContent;
  recipeIds: Map<string, string>;
}

export interface Simulated {
  progress: {
    id: string; userId: string; missionId: string; missionVersion: number; attempt: number; state: string; currentStage: string | null; path: string[];
    startedAt: Date; submittedAt: Date | null; reviewedAt: Date | null; completedAt: Date | null; reflection: string | null;
    hintPenalty: number; decisionDelta: number; score: number | null; passed: boolean | null; lastActivityAt: Date; version: number;
  };
  completions: { progressId: string; stageKey: string; notes: string; answer: string | null; links: string[]; completedAt: Date }[];
  decisions: { progressId: string; decisionKey: string; choiceKey: string; scoreDelta: number; createdAt: Date }[];
  hints: { progressId: string; stageKey: string; level: number; penalty: number; createdAt: Date }[];
  tools: { progressId: string; stageKey: string; tool: string; createdAt: Date }[];
  evidence: { stageKey: string; name: string; text: string; at: Date }[];
  recipeUse: { recipeId: string; stageKey: string; at: Date; completed: boolean; markedUsed: boolean }[];
  events: EventRecord[];
  review: null | { outcome: "approved" | "changes_requested" | "failed"; score: number; passed: boolean; feedback: string; at: Date; scores: { criterionKey: string; stageKey: string | null; levelIndex: number; points: number; maxPoints: number }[]; rubricSummary: { criterion: string; level: string; points: number; max: number }[] };
}

const MIN = 60_000;
const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x));
const TOOLS: Record<string, string> = { "log-analysis": "grep and awk", "alert-triage": "Splunk", "network-analysis": "Wireshark", "incident-response": "iptables", "ioc-extraction": "grep -oE", communication: "the ticket template", "risk-assessment": "the risk register", "policy-writing": "the policy template" };

export function simulateAttempt(rng: Rng, l: Learner, m: MissionInfo, attempt: number, start: Date, now: Date): Simulated {
  const c = m.content;
  const pid = randomUUID();
  let t = start.getTime();
  const at = () => new Date(t);
  const ev = (type: EventRecord["type"], extra: Partial<EventRecord> = {}) => events.push({ type, userId: l.id, missionId: m.id, progressId: pid, occurredAt: at(), ...extra });
  const events: EventRecord[] = [];
  const out: Omit<Simulated, "progress" | "review" | "events"> = { completions: [], decisions: [], hints: [], tools: [], evidence: [], recipeUse: [] };
  const path: string[] = [];
  let hintPenalty = 0;
  let decisionDelta = 0;
  let boost = 0; // how much recipes and nudges helped, for the review
  let usedRecipe = false;
  const moments: Parameters<typeof reflection>[2] = {};
  ev("mission.viewed", { occurredAt: new Date(t - 3 * MIN) });
  ev("mission.started");
  let key: string | undefined = c.stages[0]?.key;
  let abandonedAt: string | null = null;
  while (key && key !== END) {
    const s = c.stages.find((x) => x.key === key)!;
    path.push(s.key);
    ev("stage.entered", { stageKey: s.key });
    const enteredAt = t;
    const difficulty = clamp(0.35 + (s.hints.length + (s.answer ? 1 : 0) + (s.evidence.required ? 1 : 0)) * 0.08);
    const median = 4 + 14 * difficulty * (1.35 - l.skill);
    let minutes = median * Math.exp(0.45 * normal(rng));
    const stuck = rng() < difficulty * (1.15 - l.skill) * 0.85;
    let abandonP = 0.015;
    const recipes = s.recipes.map((slug) => ({ slug, id: m.recipeIds.get(slug) })).filter((r) => r.id);
    const useRecipe = (r: { slug: string; id?: string }, markedUsed: boolean, completed: boolean) => {
      ev("recipe.viewed", { stageKey: s.key, recipeId: r.id, payload: { mission: m.code, stage: s.key } });
      out.recipeUse.push({ recipeId: r.id!, stageKey: s.key, at: at(), completed, markedUsed });
      if (completed) ev("recipe.completed", { recipeId: r.id, occurredAt: new Date(t + 2 * MIN), payload: {} });
      if (markedUsed) ev("recipe.marked_used", { stageKey: s.key, recipeId: r.id, occurredAt: new Date(t + 3 * MIN), payload: { mission: m.code, stage: s.key } });
      if (completed || markedUsed) usedRecipe = true;
    };
    if (stuck) {
      minutes *= 1.6;
      t += Math.round(minutes * 0.55 * MIN);
      const kind = recipes.length ? "recipe" : s.hints.length ? "hint" : null;
      if (kind && rng() < 0.85) {
        ev("nudge.shown", { stageKey: s.key, payload: { kind } });
        t += Math.round((0.5 + rng()) * MIN);
        if (rng() < 0.25 + 0.45 * l.diligence) {
          ev("nudge.opened", { stageKey: s.key, payload: kind === "recipe" ? { kind, recipe: recipes[0].slug } : { kind, level: 1 } });
          if (kind === "recipe") {
            useRecipe(recipes[0], rng() < 0.7, rng() < 0.4);
            moments.nudgeRecipe ??= recipes[0].slug.replace(/-/g, " ");
          }
          minutes *= 0.7;
          boost += 0.06;
          abandonP = 0.04;
        } else {
          if (rng() < 0.6) ev("nudge.dismissed", { stageKey: s.key, payload: { kind } });
          minutes *= 1.2;
          abandonP = 0.3;
        }
      } else abandonP = 0.15;
    } else if (recipes.length && rng() < 0.1 + 0.35 * l.diligence) {
      t += Math.round(minutes * 0.2 * MIN);
      useRecipe(pick(rng, recipes), rng() < 0.5, rng() < 0.6);
      boost += 0.04;
    }
    const visible = Math.round(minutes * MIN);
    if (!moments.slowStage || minutes > moments.slowStage.minutes) moments.slowStage = { title: s.title, minutes: Math.round(minutes) };
    if (rng() < abandonP) {
      t += Math.round(visible * 0.5);
      ev("stage.left", { stageKey: s.key, payload: { visible_ms: Math.round(visible * 0.6), reason: "hidden" } });
      abandonedAt = s.key;
      break;
    }
    t = Math.max(t, start.getTime()) + visible;
    // Hints come late in a visit, when the learner is nearly out of ideas; most finish within minutes after.
    const hintLevels = s.hints.length && rng() < (1 - l.skill) * 0.4 + (stuck ? 0.15 : 0) ? (rng() < 0.35 && s.hints.length > 1 ? 2 : 1) : 0;
    if (hintLevels) {
      const before = (rng() < 0.85 ? 1 + 7 * rng() : 12 + 10 * rng()) * MIN;
      for (let lv = 1; lv <= hintLevels; lv++) {
        const when = new Date(Math.max(enteredAt + 30_000 * lv, t - before + (lv - 1) * MIN * 0.7));
        out.hints.push({ progressId: pid, stageKey: s.key, level: lv, penalty: s.hints[lv - 1].penalty, createdAt: when });
        ev("hint.unlocked", { stageKey: s.key, occurredAt: when, payload: { level: lv, penalty: s.hints[lv - 1].penalty } });
        hintPenalty += s.hints[lv - 1].penalty;
      }
      moments.hintStage ??= s.title;
    }
    const tool = TOOLS[s.required_skills[0] ?? ""] ?? (s.required_skills[0] ?? "notes").replace(/-/g, " ");
    out.tools.push({ progressId: pid, stageKey: s.key, tool, createdAt: at() });
    ev("tool.used", { stageKey: s.key, payload: { tool } });
    if (s.evidence.required || s.evidence.min_files > 0) {
      out.evidence.push({ stageKey: s.key, name: `${s.key}-output.txt`, text: `$ history | tail -3  (${l.name}, ${at().toISOString()})\n${s.title}\n${stageNotes(rng, c.code, s, { name: l.name, failures: 10, minutes: Math.round(minutes), tool }, null)}\n`, at: at() });
      ev("evidence.uploaded", { stageKey: s.key, payload: { files: 1 } });
    }
    const right = s.answer ? (s.answer.kind === "exact" ? s.answer.value : s.answer.kind === "set" ? s.answer.values.join(", ") : c.code === "SIEM-01" ? "203.0.113.47" : null) : null;
    let answer = right;
    if (right && rng() < (1 - l.skill) * 0.55) {
      ev("stage.completed", { stageKey: s.key, payload: { answered: true, answer_verdict: "incorrect" }, occurredAt: new Date(t - 2 * MIN) });
      if (rng() < 0.35 - boost) answer = wrongAnswer(rng, right);
    }
    const verdict = s.answer && answer ? checkAnswer(s.answer, answer).verdict : null;
    const notes = stageNotes(rng, c.code, s, { name: l.name, failures: 10, minutes: Math.round(minutes), tool }, answer);
    const links = s.evidence.links?.required ? [`https://git.demo.sortie.dev/${l.name.split(" ")[0].toLowerCase()}/${m.code.toLowerCase()}-${s.key}`] : [];
    out.completions.push({ progressId: pid, stageKey: s.key, notes, answer, links, completedAt: at() });
    ev("stage.left", { stageKey: s.key, payload: { visible_ms: visible, reason: "completed" } });
    ev("stage.completed", { stageKey: s.key, payload: { first: true, notes_chars: notes.length, answered: Boolean(answer), answer_verdict: verdict, links: links.length } });
    const d = c.decisions.find((x) => x.after_stage === s.key);
    if (d) {
      const ideal = d.choices.find((x) => x.ideal);
      const choice = ideal && rng() < 0.3 + 0.55 * l.skill ? ideal : pick(rng, d.choices.filter((x) => x !== ideal));
      t += Math.round((1 + 3 * rng()) * MIN);
      out.decisions.push({ progressId: pid, decisionKey: d.key, choiceKey: choice.id, scoreDelta: choice.score_delta ?? 0, createdAt: at() });
      ev("decision.made", { stageKey: s.key, payload: { decision: d.key, choice: choice.id } });
      decisionDelta += choice.score_delta ?? 0;
      moments.decision ??= { label: choice.label, ideal: Boolean(choice.ideal) };
      key = choice.next_stage;
    } else key = s.next ?? c.stages[c.stages.indexOf(s) + 1]?.key ?? END;
    t += Math.round((0.5 + 2 * rng()) * MIN);
  }

  const base = { id: pid, userId: l.id, missionId: m.id, missionVersion: m.version, attempt, path, startedAt: start, hintPenalty, decisionDelta, version: 1 };
  if (abandonedAt) {
    return { ...out, events, review: null, progress: { ...base, state: "in_progress", currentStage: abandonedAt, submittedAt: null, reviewedAt: null, completedAt: null, reflection: null, score: null, passed: null, lastActivityAt: at() } };
  }
  const text = reflection(rng, c, moments);
  t += Math.round((4 + 6 * rng()) * MIN);
  ev("reflection.saved", { payload: { chars: text.length } });
  const submittedAt = at();
  ev("mission.submitted");
  // Reviewed after a wait of hours (median about a day); the most recent submissions still wait.
  const waitH = 2 + 20 * Math.exp(0.7 * normal(rng));
  const reviewedAt = new Date(submittedAt.getTime() + waitH * 3600_000);
  if (reviewedAt > now) {
    return { ...out, events, review: null, progress: { ...base, state: "submitted", currentStage: null, submittedAt, reviewedAt: null, completedAt: null, reflection: text, score: null, passed: null, lastActivityAt: submittedAt, version: 2 } };
  }
  const quality = clamp(0.1 + 0.7 * l.skill + (usedRecipe ? 0.14 : 0) + boost + 0.13 * normal(rng));
  const criteria = c.rubric.filter((r) => r.stage === null || path.includes(r.stage));
  const levels: Record<string, number> = {};
  for (const cr of criteria) {
    const byPoints = cr.levels.map((lv, idx) => ({ idx, points: lv.points })).sort((a, b) => a.points - b.points);
    levels[cr.key] = byPoints[Math.round(clamp(quality + 0.1 * normal(rng)) * (byPoints.length - 1))].idx;
  }
  const result = computeScore({ stages: c.stages, criteria: c.rubric, path, levels, decisionDelta, hintPenalty, minScore: c.success_criteria.min_score, requiredStages: c.success_criteria.required_stages });
  const outcome = result.passed ? (rng() < 0.08 ? "changes_requested" : "approved") : rng() < 0.65 ? "failed" : "changes_requested";
  const final = outcome !== "changes_requested";
  const weakest = c.stages.find((x) => path.includes(x.key) && criteria.some((cr) => cr.stage === x.key && levels[cr.key] === 0))?.title ?? c.stages.find((x) => x.key === path[1])?.title ?? c.stages[0].title;
  const scores = criteria.map((cr) => ({ criterionKey: cr.key, stageKey: cr.stage, levelIndex: levels[cr.key], points: cr.levels[levels[cr.key]].points, maxPoints: Math.max(...cr.levels.map((x) => x.points)) }));
  t = reviewedAt.getTime();
  ev("mission.reviewed", { payload: { outcome, score: result.score } });
  return {
    ...out,
    events,
    review: { outcome, score: result.score, passed: result.passed, feedback: mentorFeedback(rng, outcome, weakest), at: reviewedAt, scores, rubricSummary: criteria.map((cr) => ({ criterion: cr.title, level: cr.levels[levels[cr.key]].label, points: cr.levels[levels[cr.key]].points, max: Math.max(...cr.levels.map((x) => x.points)) })) },
    progress: { ...base, state: outcome, currentStage: null, submittedAt, reviewedAt, completedAt: outcome === "approved" ? reviewedAt : null, reflection: text, score: final ? result.score : null, passed: final ? result.passed : null, lastActivityAt: reviewedAt, version: 3 },
  };
}
