import type { MissionContent } from "@/lib/content/schemas";
import { criteriaOnPath, resolveLevel } from "@/lib/missions/scoring";

export interface ReviewScoresInput {
  scores: { criterion: string; level: number | string; remark?: string }[];
  stage_feedback: Record<string, string>;
}

/** Checks a review against the mission's rubric and the learner's path; every problem with its field. */
export function resolveScores(content: MissionContent, path: string[], body: ReviewScoresInput) {
  const fields: Record<string, string> = {};
  const counted = criteriaOnPath(content.rubric, path);
  const countedKeys = new Set(counted.map((c) => c.key));
  const levels: Record<string, number> = {};
  const remarks: Record<string, string | undefined> = {};
  body.scores.forEach((s, i) => {
    const c = content.rubric.find((x) => x.key === s.criterion);
    if (!c) return void (fields[`scores[${i}].criterion`] = `unknown criterion "${s.criterion}"`);
    if (!countedKeys.has(c.key)) return void (fields[`scores[${i}].criterion`] = `criterion "${c.key}" is for stage "${c.stage}", which is not on the learner's path`);
    if (c.key in levels) return void (fields[`scores[${i}].criterion`] = `criterion "${c.key}" is scored twice`);
    const idx = resolveLevel(c.levels, s.level);
    if (idx === null)
      return void (fields[`scores[${i}].level`] = `no level "${s.level}"; use an index 0–${c.levels.length - 1} or one of: ${c.levels.map((l) => l.label).join(", ")}`);
    levels[c.key] = idx;
    remarks[c.key] = s.remark || undefined;
  });
  const missing = counted.filter((c) => !(c.key in levels)).map((c) => c.key);
  if (missing.length && !Object.keys(fields).some((f) => f.startsWith("scores"))) fields.scores = `pick a level for every criterion; missing: ${missing.join(", ")}`;
  for (const k of Object.keys(body.stage_feedback)) if (!path.includes(k)) fields[`stage_feedback.${k}`] = `"${k}" is not a stage on the learner's path`;
  return { fields, levels, remarks, counted };
}
