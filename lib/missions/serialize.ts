import type { MissionContent } from "@/lib/content/schemas";
import type { MissionProgress } from "@/lib/db/schema";
import { computePath } from "./graph";
import { deadlineStatus } from "./deadlines";

// API JSON (snake_case) for the learner side of missions. Never includes answer checks,
// ideal choices, score deltas or locked hint text.

interface FactsLike {
  completions: { stageKey: string; notes: string; answer: string | null; links: string[]; completedAt: Date }[];
  decisions: { decisionKey: string; choiceKey: string; createdAt: Date }[];
  hints: { stageKey: string; level: number; penalty: number; createdAt: Date }[];
  tools: { stageKey: string; tool: string }[];
  evidence: EvidenceLike[];
}

interface EvidenceLike {
  id: string;
  stageKey: string;
  kind: string;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  url: string | null;
  createdAt: Date;
}

/** Evidence as every API answer and page shows it (the learner's attempt and the review screen alike). */
export function toEvidence(e: EvidenceLike, missionCode: string) {
  return {
    id: e.id,
    stage: e.stageKey,
    kind: e.kind,
    name: e.fileName ?? e.url ?? "link",
    file_name: e.fileName,
    content_type: e.contentType,
    size: e.size,
    sha256: e.sha256,
    url: e.url,
    created_at: e.createdAt.toISOString(),
    download_url: e.kind === "file" ? `/api/v1/missions/${missionCode}/evidence/${e.id}` : null,
  };
}

type Route = ReturnType<typeof computePath>;

/** The learner's attempt as API JSON; `route` when the caller has computed it already. */
export function toProgress(p: MissionProgress, mission: { id: string; code: string }, content: MissionContent, facts: FactsLike, { now = new Date(), route }: { now?: Date; route?: Route } = {}) {
  const completed = new Set(facts.completions.map((c) => c.stageKey));
  route ??= computePath(content, completed, new Map(facts.decisions.map((d) => [d.decisionKey, d.choiceKey])));
  const dl = deadlineStatus(p.startedAt, p.deadlineAt, now);
  const live = p.state === "in_progress" || p.state === "changes_requested";
  return {
    id: p.id,
    mission_id: mission.id,
    mission_code: mission.code,
    mission_version: p.missionVersion,
    attempt: p.attempt,
    state: p.state,
    current_stage: live ? route.current : p.currentStage,
    path: route.path,
    pending_decision: live ? route.pendingDecision : null,
    finished_path: route.current === null,
    completed_stages: [...completed],
    completions: facts.completions.map((c) => ({ stage: c.stageKey, notes: c.notes, answer: c.answer, links: c.links, completed_at: c.completedAt.toISOString() })),
    decisions: facts.decisions.map((d) => ({ decision: d.decisionKey, choice_id: d.choiceKey, made_at: d.createdAt.toISOString() })),
    hints_used: facts.hints.map((h) => ({ stage: h.stageKey, level: h.level, penalty: h.penalty, unlocked_at: h.createdAt.toISOString() })),
    hint_penalty: p.hintPenalty,
    tools: facts.tools.map((t) => ({ stage: t.stageKey, tool: t.tool })),
    evidence: facts.evidence.map((e) => toEvidence(e, mission.code)),
    reflection: p.reflection,
    started_at: p.startedAt.toISOString(),
    deadline_at: p.deadlineAt?.toISOString() ?? null,
    time_remaining_seconds: live && dl.remainingMs !== null ? Math.floor(dl.remainingMs / 1000) : null,
    remaining_fraction: live ? dl.remainingFraction : null,
    deadline_warning: live ? dl.warning : p.state === "expired" ? "expired" : "none",
    submitted_at: p.submittedAt?.toISOString() ?? null,
    reviewed_at: p.reviewedAt?.toISOString() ?? null,
    completed_at: p.completedAt?.toISOString() ?? null,
    score: p.score,
    passed: p.passed,
    last_activity_at: p.lastActivityAt.toISOString(),
    version: p.version,
  };
}

export type ProgressJson = ReturnType<typeof toProgress>;
