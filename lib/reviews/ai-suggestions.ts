import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import type { MissionProgress } from "@/lib/db/schema";
import { findAttempt } from "@/lib/db/queries/attempts";
import { decideSuggestion, insertSuggestions, suggestionRows, suggestionsByIds } from "@/lib/db/queries/ai-suggestions";
import { requestSuggestions, type SuggestionConfig } from "@/lib/missions/ai-suggestions";
import { criteriaOnPath } from "@/lib/missions/scoring";
import { isReviewable } from "@/lib/missions/state";
import { loadAttempt } from "@/lib/attempts/load";
import type { Caller } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { errors } from "@/lib/errors";
import { sendJob } from "@/lib/jobs";
import { evidenceStore } from "@/lib/storage";
import { readText } from "./anchor-excerpts";

// AI suggestions per criterion (SPEC §7 "AI suggestions"). With SORTIE_AI_URL set, a durable
// background job (`ai-suggestions`, once per submission version, retried) asks the model for a
// level and a remark per criterion with the evidence it relied on; the mentor accepts, edits or
// rejects each in their review, the decision is recorded on the suggestion, and criteria whose
// suggestion was accepted or edited are marked "AI-assisted" for the learner. Without a URL
// nothing is asked and nothing is shown.

export function suggestionConfig(): SuggestionConfig | null {
  const e = env();
  return e.SORTIE_AI_URL ? { url: e.SORTIE_AI_URL, key: e.SORTIE_AI_KEY, model: e.SORTIE_AI_MODEL } : null;
}

const TEXT = /^(text\/|application\/json)/;

/** The job: asks once per submission version and stores what fits the rubric. Throws when the endpoint fails (the job retries). */
export async function recordAiSuggestions({ progressId, version, config = suggestionConfig(), fetchImpl }: { progressId: string; version: number; config?: SuggestionConfig | null; fetchImpl?: typeof fetch }) {
  if (!config) return { stored: 0, reason: "no AI endpoint configured" };
  const p = await findAttempt({ progressId });
  if (!p || !isReviewable(p.state) || p.version !== version) return { stored: 0, reason: "not waiting for review at this version" };
  if ((await suggestionRows({ progressId, version })).length) return { stored: 0, reason: "already suggested" };
  const a = await loadAttempt(p);
  const store = evidenceStore();
  const files = a.facts.evidence.filter((e) => e.kind === "file" && e.storageKey && TEXT.test(e.contentType ?? "")).slice(0, 6);
  const evidence = (await Promise.all(files.map(async (f) => ({ id: f.id, stage: f.stageKey, name: f.fileName ?? "file", text: (await readText(store, f.storageKey!)) ?? "" })))).filter((e) => e.text);
  const criteria = criteriaOnPath(a.content.rubric, a.route.path);
  const reply = await requestSuggestions(
    { mission: a.content, criteria, path: a.route.path, completions: a.facts.completions.map((c) => ({ stageKey: c.stageKey, notes: c.notes, answer: c.answer })), reflection: p.reflection, evidence },
    config,
    fetchImpl,
  );
  if (!reply) return { stored: 0, reason: "the model's reply did not fit the rubric" };
  const rows = await db.transaction((tx) =>
    insertSuggestions(
      tx,
      reply.suggestions.map((s) => ({ progressId, basedOnVersion: version, model: reply.model, criterionKey: s.criterion, levelIndex: s.level, remark: s.remark, evidence: s.evidence })),
    ),
  );
  return { stored: rows.length, reason: "stored" };
}

/** A job id per submission version (pg-boss ids are UUIDs): a second send for the same version is dropped. */
export function suggestionJobId(progressId: string, version: number) {
  const h = createHash("sha256").update(`ai-suggestions:${progressId}:${version}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function queueAiSuggestions({ progressId, version }: { progressId: string; version: number }): Promise<void> {
  if (!suggestionConfig()) return;
  try {
    await sendJob("ai-suggestions", { progressId, version }, { id: suggestionJobId(progressId, version) });
  } catch (e) {
    console.error("[reviews] could not queue AI suggestions:", e instanceof Error ? e.message : e);
  }
}

/** What the review screen shows: null without a model; otherwise pending or the suggestions (the caller's own decisions only). */
export async function suggestionsForReviewer({ caller, p, tx = db }: { caller: Caller; p: MissionProgress; tx?: Tx }) {
  if (!suggestionConfig()) return null;
  const list = await suggestionRows({ progressId: p.id, version: p.version, tx });
  return {
    status: list.length ? ("ready" as const) : ("pending" as const),
    model: list[0]?.model ?? null,
    items: list.map((s) => ({
      id: s.id,
      criterion: s.criterionKey,
      level: s.levelIndex,
      remark: s.remark,
      evidence: s.evidence,
      your_decision: s.decidedBy === caller.id ? s.decision : null,
    })),
  };
}

export interface AiDecisionInput {
  suggestion_id: string;
  decision: "accepted" | "edited" | "rejected";
}

/**
 * Inside the review's transaction: checks and records the mentor's decision on each suggestion and
 * returns the criteria that are AI-assisted (accepted or edited). "accepted" means the review kept
 * the suggested level; a different level must be sent as "edited".
 */
export async function recordAiDecisions(tx: Tx, { caller, progressId, version, decisions = [], levels }: { caller: Caller; progressId: string; version: number; decisions?: AiDecisionInput[]; levels: Record<string, number> }) {
  if (decisions.length === 0) return new Set<string>();
  const rows = new Map((await suggestionsByIds({ ids: [...new Set(decisions.map((d) => d.suggestion_id))], tx })).map((r) => [r.id, r]));
  const fields: Record<string, string> = {};
  decisions.forEach((d, i) => {
    const s = rows.get(d.suggestion_id);
    if (!s || s.progressId !== progressId || s.basedOnVersion !== version) fields[`ai[${i}].suggestion_id`] = "not a suggestion for this version of the submission";
    else if (d.decision === "accepted" && levels[s.criterionKey] !== s.levelIndex) fields[`ai[${i}].decision`] = `the review gives "${s.criterionKey}" another level than suggested: send "edited"`;
  });
  if (Object.keys(fields).length) throw errors.validation(fields, "Some AI suggestion decisions do not fit the review.");
  const at = new Date();
  const assisted = new Set<string>();
  for (const d of decisions) {
    await decideSuggestion(tx, { id: d.suggestion_id, decision: d.decision, decidedBy: caller.id, at });
    if (d.decision !== "rejected") assisted.add(rows.get(d.suggestion_id)!.criterionKey);
  }
  return assisted;
}
