import { contentPackSchema, type ContentPack } from "./schemas";
import { validateGraph, type ContentError } from "@/lib/missions/graph";
import { formatPath } from "@/lib/errors";
import { isSkill } from "./skills";

export interface KnownContent {
  recipeSlugs: Set<string>;
  missionStages: Map<string, Set<string>>; // code -> stage keys
  moduleSlugs: Set<string>;
}

export type PackResult = { ok: true; pack: ContentPack } | { ok: false; errors: ContentError[] };

const emptyKnown = (): KnownContent => ({ recipeSlugs: new Set(), missionStages: new Map(), moduleSlugs: new Set() });

/**
 * Validates a whole content pack: shape (zod), each mission's graph and references, skill tags,
 * and links between missions, recipes and modules (in the pack or already stored). Every error
 * comes back with its path, e.g. missions[0].stages[2].hints[0].penalty.
 */
export function validatePack(input: unknown, known: KnownContent = emptyKnown()): PackResult {
  const parsed = contentPackSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  }
  const pack = parsed.data;
  const errors: ContentError[] = [];
  const push = (path: string, message: string) => errors.push({ path, message });

  const recipeSlugs = new Set([...known.recipeSlugs, ...pack.recipes.map((r) => r.slug)]);
  const moduleSlugs = new Set([...known.moduleSlugs, ...pack.foundations.map((m) => m.slug)]);
  const missionStages = new Map(known.missionStages);
  for (const m of pack.missions) missionStages.set(m.code, new Set(m.stages.map((s) => s.key)));

  const checkSkills = (path: string, tags: string[]) =>
    tags.forEach((t, i) => {
      if (!isSkill(t)) push(`${path}[${i}]`, `unknown skill tag "${t}" (see lib/content/skills.ts)`);
    });

  const seenCodes = new Map<string, number>();
  pack.missions.forEach((m, mi) => {
    const base = `missions[${mi}]`;
    if (seenCodes.has(m.code)) push(`${base}.code`, `duplicate code "${m.code}" (also missions[${seenCodes.get(m.code)}])`);
    seenCodes.set(m.code, mi);
    for (const e of validateGraph(m)) errors.push({ ...e, path: `${base}.${e.path}` });
    checkSkills(`${base}.skills`, m.skills);
    const stageKeys = new Set(m.stages.map((s) => s.key));
    m.stages.forEach((s, si) => {
      checkSkills(`${base}.stages[${si}].required_skills`, s.required_skills);
      s.recipes.forEach((slug, ri) => {
        if (!recipeSlugs.has(slug)) push(`${base}.stages[${si}].recipes[${ri}]`, `unknown recipe "${slug}"`);
      });
      if (s.evidence.required && s.evidence.min_files === 0 && !s.evidence.links)
        push(`${base}.stages[${si}].evidence`, "required evidence needs min_files ≥ 1 or links");
    });
    m.success_criteria.required_stages.forEach((k, i) => {
      if (!stageKeys.has(k)) push(`${base}.success_criteria.required_stages[${i}]`, `unknown stage "${k}"`);
    });
    const criterionKeys = new Set<string>();
    m.rubric.forEach((c, ci) => {
      if (criterionKeys.has(c.key)) push(`${base}.rubric[${ci}].key`, `duplicate criterion key "${c.key}"`);
      criterionKeys.add(c.key);
      if (c.stage && !stageKeys.has(c.stage)) push(`${base}.rubric[${ci}].stage`, `unknown stage "${c.stage}"`);
      checkSkills(`${base}.rubric[${ci}].skills`, c.skills);
    });
  });

  const seenSlugs = new Map<string, number>();
  pack.recipes.forEach((r, ri) => {
    const base = `recipes[${ri}]`;
    if (seenSlugs.has(r.slug)) push(`${base}.slug`, `duplicate slug "${r.slug}" (also recipes[${seenSlugs.get(r.slug)}])`);
    seenSlugs.set(r.slug, ri);
    checkSkills(`${base}.skills`, r.skills);
    r.prerequisites.forEach((s, i) => {
      if (!recipeSlugs.has(s)) push(`${base}.prerequisites[${i}]`, `unknown recipe "${s}"`);
      if (s === r.slug) push(`${base}.prerequisites[${i}]`, "a recipe cannot be its own prerequisite");
    });
    r.related.forEach((s, i) => {
      if (!recipeSlugs.has(s)) push(`${base}.related[${i}]`, `unknown recipe "${s}"`);
    });
    r.links.forEach((l, i) => {
      if (l.mission) {
        const stages = missionStages.get(l.mission);
        if (!stages) push(`${base}.links[${i}].mission`, `unknown mission "${l.mission}"`);
        else if (l.stage && !stages.has(l.stage)) push(`${base}.links[${i}].stage`, `unknown stage "${l.stage}" of ${l.mission}`);
      }
      if (l.module && !moduleSlugs.has(l.module)) push(`${base}.links[${i}].module`, `unknown Foundations module "${l.module}"`);
    });
  });

  const seenModules = new Set<string>();
  pack.foundations.forEach((m, i) => {
    if (seenModules.has(m.slug)) push(`foundations[${i}].slug`, `duplicate slug "${m.slug}"`);
    seenModules.add(m.slug);
  });

  return errors.length ? { ok: false, errors } : { ok: true, pack };
}

/** Stable JSON (sorted keys) so that the same content always hashes the same. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v as object)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

export type { ContentError };
