import { z } from "zod";
import { validatePack, type KnownContent } from "@/lib/content/validate";
import { validateGraph, type GraphProblemKind } from "@/lib/missions/graph";

// What "validate" answers for a draft: every problem by path inside the mission or recipe
// (`stages[2].hints[0].penalty`), graph problems with their kind and the stage, decision and
// choice they sit on, so the editor can draw each on its node or edge and focus its field.

export interface Problem {
  path: string;
  message: string;
  kind?: GraphProblemKind;
  stage?: string;
  decision?: string;
  choice?: string;
}

const PREFIX = /^(missions|recipes)\[0\]\.?/;

// Enough shape to walk the graph while other fields are still wrong: an author sees a cycle as
// soon as it is drawn, not only once every instruction is written.
const graphShape = z.object({
  stages: z.array(z.object({ key: z.string(), next: z.string().optional() }).loose()),
  decisions: z
    .array(
      z
        .object({
          key: z.string(),
          after_stage: z.string(),
          choices: z.array(z.object({ id: z.string(), next_stage: z.string(), ideal: z.boolean().default(false) }).loose()),
        })
        .loose(),
    )
    .default([]),
});

type Raw = { stages?: { key?: unknown }[]; decisions?: { key?: unknown; choices?: { id?: unknown }[] }[] };

/** Names the stage, decision and choice a path points into, read from the draft as written. */
export function locate(draft: unknown, path: string): Pick<Problem, "stage" | "decision" | "choice"> {
  const raw = (draft && typeof draft === "object" ? draft : {}) as Raw;
  const out: Pick<Problem, "stage" | "decision" | "choice"> = {};
  const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);
  const s = /^stages\[(\d+)\]/.exec(path);
  if (s) out.stage = str(raw.stages?.[Number(s[1])]?.key);
  const d = /^decisions\[(\d+)\](?:\.choices\[(\d+)\])?/.exec(path);
  if (d) {
    const decision = raw.decisions?.[Number(d[1])];
    out.decision = str(decision?.key);
    if (d[2] !== undefined) out.choice = str(decision?.choices?.[Number(d[2])]?.id);
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function finish(draft: unknown, list: { path: string; message: string; kind?: GraphProblemKind }[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const e of list) {
    const path = e.path.replace(PREFIX, "") || "(root)";
    const id = `${path}|${e.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ path, message: e.message, ...(e.kind ? { kind: e.kind } : {}), ...locate(draft, path) });
  }
  return out;
}

/** Every problem of a mission draft, checked exactly as an import checks it (plus the graph early). */
export function missionProblems(draft: unknown, known: KnownContent): Problem[] {
  const r = validatePack({ missions: [draft] }, known);
  if (r.ok) return [];
  const list: { path: string; message: string; kind?: GraphProblemKind }[] = [...r.errors];
  const g = graphShape.safeParse(draft);
  if (g.success && !r.errors.some((e) => e.kind)) list.push(...validateGraph(g.data as Parameters<typeof validateGraph>[0]));
  return finish(draft, list);
}

export function recipeProblems(draft: unknown, known: KnownContent): Problem[] {
  const r = validatePack({ recipes: [draft] }, known);
  return r.ok ? [] : finish(draft, r.errors);
}

/** The problems as SPEC §4's `fields` map (first message per path). */
export function problemFields(problems: Problem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.path] ??= p.message;
  return fields;
}
