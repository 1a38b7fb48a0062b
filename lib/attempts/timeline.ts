import "server-only";
import type { MissionContent } from "@/lib/content/schemas";
import type { MissionProgress } from "@/lib/db/schema";
import { attemptEvents, type AttemptEventRow } from "@/lib/db/queries/attempts";
import { formatDuration } from "@/lib/labels";

// The replay of an attempt (SPEC §7 "Timeline"): its events as moments a learner recognises, in
// the order they happened. The learner reads it on the reflection page and may quote a moment;
// the mentor sees it on the review screen.

export type MomentKind =
  | "started"
  | "stage_entered"
  | "stage_left"
  | "stage_completed"
  | "wrong_answer"
  | "hint_unlocked"
  | "decision"
  | "tool"
  | "evidence"
  | "recipe_opened"
  | "nudge"
  | "reflection_saved"
  | "submitted"
  | "abandoned";

export interface Moment {
  id: string;
  at: string;
  kind: MomentKind;
  stage: string | null;
  text: string;
  visible_seconds?: number;
  hint?: { level: number; penalty: number };
  decision?: { key: string; choice_id: string; label: string; consequence: string };
  recipe?: { slug: string; title: string };
  nudge?: { action: "shown" | "opened" | "dismissed"; kind: string | null };
}

const str = (v: unknown) => (typeof v === "string" ? v : null);
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

function moment(e: AttemptEventRow, content: MissionContent): Moment | null {
  const stageTitle = (k: string | null) => `“${content.stages.find((s) => s.key === k)?.title ?? k ?? "?"}”`;
  const base = { id: e.event_id, at: e.occurred_at.toISOString(), stage: e.stage_key };
  const p = e.payload ?? {};
  switch (e.type) {
    case "mission.started":
      return { ...base, kind: "started", text: `Started attempt ${num(p.attempt) ?? ""}`.trim() };
    case "stage.entered":
      return { ...base, kind: "stage_entered", text: `Opened ${stageTitle(e.stage_key)}` };
    case "stage.left": {
      const ms = num(p.visible_ms);
      return { ...base, kind: "stage_left", text: `Left ${stageTitle(e.stage_key)}${ms !== null ? ` after ${formatDuration(ms)} on screen` : ""}`, ...(ms !== null ? { visible_seconds: Math.round(ms / 1000) } : {}) };
    }
    case "stage.completed":
      if (p.answer_verdict === "incorrect") return { ...base, kind: "wrong_answer", text: `Answered ${stageTitle(e.stage_key)}; the answer did not match` };
      return { ...base, kind: "stage_completed", text: `${p.first === false ? "Updated" : "Completed"} ${stageTitle(e.stage_key)}` };
    case "hint.unlocked": {
      const level = num(p.level) ?? 0;
      const penalty = num(p.penalty) ?? 0;
      return { ...base, kind: "hint_unlocked", text: `Unlocked hint ${level} of ${stageTitle(e.stage_key)} (−${penalty} points)`, hint: { level, penalty } };
    }
    case "decision.made": {
      const d = content.decisions.find((x) => x.key === str(p.decision));
      const c = d?.choices.find((x) => x.id === str(p.choice));
      if (!d || !c) return null;
      return { ...base, kind: "decision", text: `Decided: ${c.label}`, decision: { key: d.key, choice_id: c.id, label: c.label, consequence: c.consequence } };
    }
    case "tool.used":
      return { ...base, kind: "tool", text: `Used ${str(p.tool) ?? "a tool"}` };
    case "evidence.uploaded":
      return { ...base, kind: "evidence", text: p.kind === "link" ? `Linked ${str(p.url) ?? "evidence"}` : `Uploaded evidence to ${stageTitle(e.stage_key)}` };
    case "recipe.viewed":
    case "recipe.marked_used":
      if (!e.recipe_slug) return null;
      return { ...base, kind: "recipe_opened", text: `${e.type === "recipe.viewed" ? "Opened" : "Used"} the recipe “${e.recipe_title}”`, recipe: { slug: e.recipe_slug, title: e.recipe_title ?? e.recipe_slug } };
    case "nudge.shown":
    case "nudge.opened":
    case "nudge.dismissed": {
      const action = e.type.slice("nudge.".length) as "shown" | "opened" | "dismissed";
      const words = { shown: "Was offered", opened: "Opened", dismissed: "Dismissed" }[action];
      return { ...base, kind: "nudge", text: `${words} a nudge on ${stageTitle(e.stage_key)}`, nudge: { action, kind: str(p.kind) } };
    }
    case "reflection.saved":
      return { ...base, kind: "reflection_saved", text: "Saved the reflection" };
    case "mission.abandoned": {
      // Recorded by the sweep when the attempt had been idle for `idle_days` (lib/db/queries/abandoned.ts);
      // the learner who comes back sees the gap in their replay, the mentor sees it on the review screen.
      const days = num(p.idle_days);
      return { ...base, kind: "abandoned", text: `No activity for ${days ?? "several"} day${days === 1 ? "" : "s"} at ${stageTitle(e.stage_key)}: counted as abandoned` };
    }
    case "mission.submitted":
      return { ...base, kind: "submitted", text: p.auto === true ? "Submitted automatically at the deadline" : "Submitted for review" };
    default:
      return null;
  }
}

/** The attempt as ordered moments. */
export async function timelineOf(progress: MissionProgress, content: MissionContent): Promise<Moment[]> {
  const to = progress.submittedAt ?? new Date();
  const events = await attemptEvents({ progressId: progress.id, userId: progress.userId, from: progress.startedAt, to });
  return events.map((e) => moment(e, content)).filter((m): m is Moment => m !== null);
}
