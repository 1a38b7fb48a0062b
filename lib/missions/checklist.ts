import { END, type MissionContent, type StageContent } from "@/lib/content/schemas";
import { decisionAfter, defaultNext } from "./graph";

// What stands between a learner and "submit" (SPEC §3): every required stage on their path
// complete, every decision on it made, required evidence present, the reflection written when
// the mission requires it. Each missing item is named, so the 422 and the page can list them.

export const REFLECTION_MIN_CHARS = 20;

type ChecklistMission = Pick<MissionContent, "stages" | "decisions" | "reflection_required" | "success_criteria">;
type EvidenceRule = StageContent["evidence"];

export interface MissingItem {
  item: "stage" | "decision" | "evidence" | "links" | "reflection";
  /** The key in the 422's `fields`, e.g. "stages.triage", "evidence.scope", "reflection". */
  field: string;
  stage?: string;
  decision?: string;
  message: string;
}

export interface ChecklistInput {
  mission: ChecklistMission;
  completed: ReadonlySet<string>;
  /** decision key → choice id */
  choices: ReadonlyMap<string, string>;
  evidence: readonly { stageKey: string; kind: "file" | "link" }[];
  reflection: string | null | undefined;
}

/** A stage the learner must complete when it is on their path. */
export function isStageRequired(mission: ChecklistMission, stage: StageContent): boolean {
  return stage.required || mission.success_criteria.required_stages.includes(stage.key) || Boolean(decisionAfter(mission, stage.key));
}

/** Problems with a stage's evidence rule given what is attached, in words (empty when satisfied). */
export function evidenceProblems(rule: EvidenceRule, files: number, links: number): { item: "evidence" | "links"; message: string }[] {
  const out: { item: "evidence" | "links"; message: string }[] = [];
  const minFiles = rule.required ? Math.max(rule.min_files, rule.links?.required ? 0 : 1) : rule.min_files;
  if (files < minFiles) {
    const n = minFiles - files;
    out.push({ item: "evidence", message: `attach ${n} more evidence file${n === 1 ? "" : "s"} (at least ${minFiles})` });
  }
  if (rule.links?.required && links < 1) out.push({ item: "links", message: `add a link (${rule.links.kinds.join(", ")})` });
  if (files > rule.max_files) out.push({ item: "evidence", message: `remove ${files - rule.max_files} file(s): at most ${rule.max_files} allowed` });
  return out;
}

/**
 * The stages on the learner's path as far as it is known, walking from the first stage: completed
 * stages follow their decision (or `next`); an optional stage not completed is skipped; it stops
 * at a decision not yet made or a required stage not completed whose successor depends on it.
 */
export function submitChecklist(input: ChecklistInput): MissingItem[] {
  const { mission, completed, choices } = input;
  const missing: MissingItem[] = [];
  const files = new Map<string, number>();
  const links = new Map<string, number>();
  for (const e of input.evidence) (e.kind === "file" ? files : links).set(e.stageKey, ((e.kind === "file" ? files : links).get(e.stageKey) ?? 0) + 1);

  const byKey = new Map(mission.stages.map((s) => [s.key, s]));
  let k: string | undefined = mission.stages[0]?.key;
  const seen = new Set<string>();
  while (k && k !== END && !seen.has(k)) {
    seen.add(k);
    const stage = byKey.get(k);
    if (!stage) break;
    const done = completed.has(k);
    const required = isStageRequired(mission, stage);
    if (!done && required) {
      missing.push({ item: "stage", field: `stages.${k}`, stage: k, message: `Complete the stage "${stage.title}".` });
    }
    if (done || required) {
      for (const p of evidenceProblems(stage.evidence, files.get(k) ?? 0, links.get(k) ?? 0)) {
        const field = `${p.item}.${k}`;
        if (!missing.some((m) => m.field === field)) missing.push({ item: p.item, field, stage: k, message: `Stage "${stage.title}": ${p.message}.` });
      }
    }
    const decision = decisionAfter(mission, k);
    if (decision) {
      const choice = decision.choices.find((c) => c.id === choices.get(decision.key));
      if (!choice) {
        missing.push({ item: "decision", field: `decisions.${decision.key}`, decision: decision.key, stage: k, message: `Make the decision after "${stage.title}".` });
        break;
      }
      k = choice.next_stage;
    } else {
      k = defaultNext(mission, k);
    }
  }

  if (mission.reflection_required && (input.reflection ?? "").trim().length < REFLECTION_MIN_CHARS) {
    missing.push({ item: "reflection", field: "reflection", message: `Write your reflection (at least ${REFLECTION_MIN_CHARS} characters).` });
  }
  return missing;
}

/** The 422 `fields` map for a list of missing items. */
export function missingFields(items: readonly MissingItem[]): Record<string, string> {
  return Object.fromEntries(items.map((i) => [i.field, i.message]));
}

/** Problems that stop a stage from being completed: notes too short, evidence rule not met. */
export function stageCompletionProblems(stage: Pick<StageContent, "notes_min_chars" | "evidence">, input: { notes: string; files: number; links: number }): Record<string, string> {
  const fields: Record<string, string> = {};
  const len = input.notes.trim().length;
  if (len < stage.notes_min_chars) fields.notes = `Write at least ${stage.notes_min_chars} characters of notes (you have ${len}).`;
  const ev = evidenceProblems(stage.evidence, input.files, input.links);
  const fileProblem = ev.find((p) => p.item === "evidence");
  const linkProblem = ev.find((p) => p.item === "links");
  if (fileProblem) fields.evidence = `${fileProblem.message.charAt(0).toUpperCase()}${fileProblem.message.slice(1)} before completing this stage.`;
  if (linkProblem) fields.links = `${linkProblem.message.charAt(0).toUpperCase()}${linkProblem.message.slice(1)} before completing this stage.`;
  return fields;
}
