import { z } from "zod";
import type { MissionContent } from "@/lib/content/schemas";
import { computePath, decisionAfter } from "@/lib/missions/graph";
import { checkAnswer } from "@/lib/missions/prescore";

// A preview is the draft played as a learner would, without a progress row: the moves live in a
// small JSON state, the route comes from the same graph walk (computePath) and answers are checked
// by the pre-score's own matching (checkAnswer). No gating, no deadline, no telemetry.

export const previewActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("complete_stage"), stage: z.string().min(1), answer: z.string().max(5000).optional() }),
  z.object({ type: z.literal("choose"), decision: z.string().min(1), choice_id: z.string().min(1) }),
  z.object({ type: z.literal("unlock_hint"), stage: z.string().min(1) }),
]);
export type PreviewAction = z.infer<typeof previewActionSchema>;

export interface SandboxState {
  completed: { stage: string; answer: string | null }[];
  choices: Record<string, string>;
  hints: Record<string, number>;
}

export const emptySandbox = (): SandboxState => ({ completed: [], choices: {}, hints: {} });

export interface SandboxFeedback {
  kind: "answer" | "consequence" | "hint";
  stage?: string;
  verdict?: string;
  text: string;
}

export class SandboxRefusal extends Error {
  constructor(
    message: string,
    public readonly field: string,
  ) {
    super(message);
  }
}

export function sandboxRoute(content: MissionContent, state: SandboxState) {
  return computePath(content, new Set(state.completed.map((c) => c.stage)), new Map(Object.entries(state.choices)));
}

/** Applies one move to the sandbox, refusing what a learner could not do at this point. */
export function applyAction(content: MissionContent, state: SandboxState, action: PreviewAction): { state: SandboxState; feedback: SandboxFeedback } {
  const route = sandboxRoute(content, state);
  switch (action.type) {
    case "complete_stage": {
      if (route.current !== action.stage || route.pendingDecision) throw new SandboxRefusal(`Stage "${action.stage}" is not the current stage.`, "action.stage");
      const stage = content.stages.find((s) => s.key === action.stage)!;
      const answer = action.answer ?? null;
      const verdict = stage.answer ? checkAnswer(stage.answer, answer) : null;
      return {
        state: { ...state, completed: [...state.completed, { stage: action.stage, answer }] },
        feedback: { kind: "answer", stage: action.stage, ...(verdict ? { verdict: verdict.verdict } : {}), text: verdict ? verdict.reason : "Stage completed." },
      };
    }
    case "choose": {
      if (route.pendingDecision !== action.decision) throw new SandboxRefusal(`Decision "${action.decision}" is not waiting for a choice.`, "action.decision");
      const decision = content.decisions.find((d) => d.key === action.decision)!;
      const choice = decision.choices.find((c) => c.id === action.choice_id);
      if (!choice) throw new SandboxRefusal(`Decision "${action.decision}" has no choice "${action.choice_id}".`, "action.choice_id");
      return { state: { ...state, choices: { ...state.choices, [decision.key]: choice.id } }, feedback: { kind: "consequence", text: choice.consequence } };
    }
    case "unlock_hint": {
      const stage = content.stages.find((s) => s.key === action.stage);
      if (!stage || !route.path.includes(stage.key)) throw new SandboxRefusal(`Stage "${action.stage}" is not on the path.`, "action.stage");
      const level = (state.hints[stage.key] ?? 0) + 1;
      const hint = stage.hints[level - 1];
      if (!hint) throw new SandboxRefusal(`Stage "${stage.key}" has no more hints.`, "action.stage");
      return { state: { ...state, hints: { ...state.hints, [stage.key]: level } }, feedback: { kind: "hint", stage: stage.key, text: hint.text } };
    }
  }
}

/** What the preview shows: where the author is in the draft and the running totals. */
export function sandboxView(content: MissionContent, state: SandboxState) {
  const route = sandboxRoute(content, state);
  const pending = route.pendingDecision ? content.decisions.find((d) => d.key === route.pendingDecision) : undefined;
  const hint_penalty = Object.entries(state.hints).reduce((sum, [stage, level]) => {
    const hints = content.stages.find((s) => s.key === stage)?.hints ?? [];
    return sum + hints.slice(0, level).reduce((s, h) => s + h.penalty, 0);
  }, 0);
  const decision_delta = content.decisions.reduce((sum, d) => sum + (d.choices.find((c) => c.id === state.choices[d.key])?.score_delta ?? 0), 0);
  const current = route.current ? content.stages.find((s) => s.key === route.current) : undefined;
  return {
    path: route.path,
    current_stage: route.current,
    current: current && !pending ? { key: current.key, title: current.title, instructions: current.instructions, answer_prompt: current.answer_prompt ?? null, has_answer: Boolean(current.answer) } : null,
    pending_decision: pending ? { key: pending.key, prompt: pending.prompt, choices: pending.choices.map((c) => ({ id: c.id, label: c.label })) } : null,
    finished: route.current === null,
    completed: state.completed.map((c) => c.stage),
    choices: state.choices,
    hint_penalty,
    decision_delta,
    has_decision_after_current: Boolean(current && decisionAfter(content, current.key)),
  };
}
