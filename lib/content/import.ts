import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import {
  decisionChoices,
  decisionPoints,
  foundationModules,
  hints,
  missionStages,
  missionVersions,
  missions,
  recipeLinks,
  recipeSteps,
  recipes,
  rubricCriteria,
  rubricLevels,
} from "@/lib/db/schema";
import { sha256 } from "@/lib/auth/password";
import { errors } from "@/lib/errors";
import type { ContentPack, MissionContent, RecipeContent } from "./schemas";
import { stableStringify, validatePack, type KnownContent } from "./validate";

export interface ImportSummary {
  missions: { created: string[]; updated: string[]; unchanged: string[] };
  recipes: { created: string[]; updated: string[]; unchanged: string[] };
  foundations: number;
}

export async function knownContent(tx: Tx): Promise<KnownContent> {
  const [r, st, mods] = await Promise.all([
    tx.select({ slug: recipes.slug }).from(recipes),
    tx.select({ code: missions.code, key: missionStages.key }).from(missionStages).innerJoin(missions, eq(missions.id, missionStages.missionId)),
    tx.select({ slug: foundationModules.slug }).from(foundationModules),
  ]);
  const missionStagesMap = new Map<string, Set<string>>();
  for (const s of st) {
    if (!missionStagesMap.has(s.code)) missionStagesMap.set(s.code, new Set());
    missionStagesMap.get(s.code)!.add(s.key);
  }
  return { recipeSlugs: new Set(r.map((x) => x.slug)), missionStages: missionStagesMap, moduleSlugs: new Set(mods.map((m) => m.slug)) };
}

/** Validates without writing: what the admin page shows before importing. */
export async function checkPack(input: unknown) {
  return validatePack(input, await knownContent(db));
}

/**
 * Imports a content pack all-or-nothing: every error is reported with its path and nothing is
 * written unless the whole pack is valid. A changed mission gets version + 1 (and a stored
 * snapshot); unchanged content is left untouched, so importing twice changes nothing.
 */
export async function importPack(input: unknown): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const result = validatePack(input, await knownContent(tx));
    if (!result.ok) {
      const fields = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
      throw errors.validation(fields, `The content pack has ${result.errors.length} error(s); nothing was imported.`);
    }
    return writePack(tx, result.pack);
  });
}

/** The writes of an import; the studio publishes through them too, so triggers and links behave alike. */
export async function writePack(tx: Tx, pack: ContentPack): Promise<ImportSummary> {
  const summary: ImportSummary = {
    missions: { created: [], updated: [], unchanged: [] },
    recipes: { created: [], updated: [], unchanged: [] },
    foundations: 0,
  };

  for (const [i, m] of pack.foundations.entries()) {
    const values = { title: m.title, summary: m.summary, body: m.body, estimatedMinutes: m.estimated_minutes, position: i, required: m.required, selfCheck: m.self_check };
    await tx.insert(foundationModules).values({ slug: m.slug, ...values }).onConflictDoUpdate({ target: foundationModules.slug, set: values });
    summary.foundations++;
  }

  const recipeIds = new Map<string, string>();
  for (const r of pack.recipes) {
    const { id, outcome } = await upsertRecipe(tx, r);
    recipeIds.set(r.slug, id);
    summary.recipes[outcome].push(r.slug);
  }

  const missionIds = new Map<string, string>();
  for (const m of pack.missions) {
    const { id, outcome } = await upsertMission(tx, m);
    missionIds.set(m.code, id);
    summary.missions[outcome].push(m.code);
  }

  // Links need every recipe and mission id; look up the ones that were already stored.
  const allSlugs = new Set<string>([...pack.missions.flatMap((m) => m.stages.flatMap((s) => s.recipes)), ...recipeIds.keys()]);
  const missingSlugs = [...allSlugs].filter((s) => !recipeIds.has(s));
  if (missingSlugs.length) {
    for (const r of await tx.select({ id: recipes.id, slug: recipes.slug }).from(recipes).where(inArray(recipes.slug, missingSlugs))) recipeIds.set(r.slug, r.id);
  }
  const codes = [...new Set(pack.recipes.flatMap((r) => r.links.map((l) => l.mission).filter(Boolean) as string[]))].filter((c) => !missionIds.has(c));
  if (codes.length) {
    for (const m of await tx.select({ id: missions.id, code: missions.code }).from(missions).where(inArray(missions.code, codes))) missionIds.set(m.code, m.id);
  }
  const moduleIds = new Map((await tx.select({ id: foundationModules.id, slug: foundationModules.slug }).from(foundationModules)).map((m) => [m.slug, m.id]));

  for (const m of pack.missions) {
    const missionId = missionIds.get(m.code)!;
    const wanted = m.stages.flatMap((s) =>
      s.recipes.map((slug, position) => ({ recipeId: recipeIds.get(slug)!, missionId, stageKey: s.key, required: false, position, source: "mission" })),
    );
    await replaceLinks(tx, and(eq(recipeLinks.missionId, missionId), eq(recipeLinks.source, "mission"))!, wanted);
  }
  for (const r of pack.recipes) {
    const recipeId = recipeIds.get(r.slug)!;
    const wanted = r.links.map((l) => ({
      recipeId,
      missionId: l.mission ? missionIds.get(l.mission)! : null,
      stageKey: l.stage ?? null,
      moduleId: l.module ? moduleIds.get(l.module)! : null,
      required: l.required,
      position: l.order,
      source: "recipe",
    }));
    await replaceLinks(tx, and(eq(recipeLinks.recipeId, recipeId), eq(recipeLinks.source, "recipe"))!, wanted);
  }
  return summary;
}

type LinkRow = typeof recipeLinks.$inferInsert;

/** Replaces a set of links only when it differs, so a re-import writes nothing. */
async function replaceLinks(tx: Tx, where: ReturnType<typeof and> & {}, wanted: LinkRow[]) {
  const current = await tx
    .select({ recipeId: recipeLinks.recipeId, missionId: recipeLinks.missionId, stageKey: recipeLinks.stageKey, moduleId: recipeLinks.moduleId, required: recipeLinks.required, position: recipeLinks.position })
    .from(recipeLinks)
    .where(where);
  const norm = (l: Partial<LinkRow>) => stableStringify([l.recipeId, l.missionId ?? null, l.stageKey ?? null, l.moduleId ?? null, l.required ?? false, l.position ?? 0]);
  const a = current.map(norm).sort().join("|");
  const b = wanted.map(norm).sort().join("|");
  if (a === b) return;
  await tx.delete(recipeLinks).where(where);
  if (wanted.length) await tx.insert(recipeLinks).values(wanted);
}

function recipeSearchText(r: RecipeContent): string {
  return [r.title, r.summary, r.description, r.skills.join(" "), r.tools.join(" "), ...r.steps.flatMap((s) => [s.title, s.body, s.command ?? "", s.expected_outcome])]
    .join("\n")
    .replace(/-/g, " ");
}

async function upsertRecipe(tx: Tx, r: RecipeContent): Promise<{ id: string; outcome: "created" | "updated" | "unchanged" }> {
  const hash = sha256(stableStringify(r));
  const [existing] = await tx.select({ id: recipes.id, hash: recipes.contentHash, version: recipes.version }).from(recipes).where(eq(recipes.slug, r.slug));
  if (existing && existing.hash === hash) return { id: existing.id, outcome: "unchanged" };
  const values = {
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    description: r.description,
    type: r.type,
    difficulty: r.difficulty,
    estimatedMinutes: r.estimated_minutes,
    skills: r.skills,
    tools: r.tools,
    prerequisites: r.prerequisites,
    related: r.related,
    inputs: r.inputs,
    environment: r.environment,
    validationChecks: r.validation_checks,
    mentorCurated: r.mentor_curated,
    status: r.status,
    content: r,
    contentHash: hash,
    searchText: recipeSearchText(r),
  };
  let id: string;
  if (existing) {
    await tx.update(recipes).set({ ...values, version: existing.version + 1 }).where(eq(recipes.id, existing.id));
    await tx.delete(recipeSteps).where(eq(recipeSteps.recipeId, existing.id));
    id = existing.id;
  } else {
    [{ id }] = await tx.insert(recipes).values(values).returning({ id: recipes.id });
  }
  await tx.insert(recipeSteps).values(
    r.steps.map((s, position) => ({
      recipeId: id,
      position,
      title: s.title,
      body: s.body,
      command: s.command ?? null,
      expectedOutcome: s.expected_outcome,
      evidenceHint: s.evidence_hint ?? null,
    })),
  );
  return { id, outcome: existing ? "updated" : "created" };
}

async function upsertMission(tx: Tx, m: MissionContent): Promise<{ id: string; outcome: "created" | "updated" | "unchanged" }> {
  const hash = sha256(stableStringify(m));
  const [existing] = await tx.select({ id: missions.id, hash: missions.contentHash, version: missions.version }).from(missions).where(eq(missions.code, m.code));
  if (existing && existing.hash === hash) return { id: existing.id, outcome: "unchanged" };
  const version = existing ? existing.version + 1 : 1;
  const values = {
    code: m.code,
    title: m.title,
    track: m.track,
    tier: m.tier,
    summary: m.summary,
    story: m.story,
    objectives: m.objectives,
    estimatedMinutes: m.estimated_minutes,
    skills: m.skills,
    timeConstraintHours: m.time_constraint_hours,
    autoSubmitOnDeadline: m.auto_submit_on_deadline,
    reflectionRequired: m.reflection_required,
    minScore: m.success_criteria.min_score,
    successCriteria: m.success_criteria,
    status: m.status,
    version,
    contentHash: hash,
  };
  let id: string;
  if (existing) {
    await tx.update(missions).set(values).where(eq(missions.id, existing.id));
    // Children describe the current version only; older versions live in mission_versions.
    await tx.delete(missionStages).where(eq(missionStages.missionId, existing.id));
    await tx.delete(decisionPoints).where(eq(decisionPoints.missionId, existing.id));
    await tx.delete(rubricCriteria).where(eq(rubricCriteria.missionId, existing.id));
    id = existing.id;
  } else {
    [{ id }] = await tx.insert(missions).values(values).returning({ id: missions.id });
  }
  await tx.insert(missionVersions).values({ missionId: id, version, content: m, contentHash: hash });

  const stageRows = await tx
    .insert(missionStages)
    .values(
      m.stages.map((s, position) => ({
        missionId: id,
        key: s.key,
        position,
        title: s.title,
        instructions: s.instructions,
        requiredSkills: s.required_skills,
        evidence: s.evidence,
        notesMinChars: s.notes_min_chars,
        weight: s.weight,
        required: s.required,
        hasAnswer: Boolean(s.answer),
        next: s.next ?? null,
      })),
    )
    .returning({ id: missionStages.id, key: missionStages.key });
  const stageIds = new Map(stageRows.map((s) => [s.key, s.id]));
  const hintRows = m.stages.flatMap((s) => s.hints.map((h, i) => ({ stageId: stageIds.get(s.key)!, level: i + 1, text: h.text, penalty: h.penalty })));
  if (hintRows.length) await tx.insert(hints).values(hintRows);

  for (const d of m.decisions) {
    const [{ id: decisionId }] = await tx
      .insert(decisionPoints)
      .values({ missionId: id, key: d.key, afterStage: d.after_stage, prompt: d.prompt })
      .returning({ id: decisionPoints.id });
    await tx.insert(decisionChoices).values(
      d.choices.map((c, position) => ({
        decisionId,
        key: c.id,
        position,
        label: c.label,
        consequence: c.consequence,
        nextStage: c.next_stage,
        scoreDelta: c.score_delta,
        ideal: c.ideal,
        rationale: c.rationale ?? null,
      })),
    );
  }
  for (const [position, c] of m.rubric.entries()) {
    const [{ id: criterionId }] = await tx
      .insert(rubricCriteria)
      .values({ missionId: id, key: c.key, stageKey: c.stage, title: c.title, description: c.description, weight: c.weight, position, skills: c.skills })
      .returning({ id: rubricCriteria.id });
    await tx.insert(rubricLevels).values(c.levels.map((l, p) => ({ criterionId, position: p, points: l.points, label: l.label, descriptor: l.descriptor })));
  }
  return { id, outcome: existing ? "updated" : "created" };
}

/** The stored content as a pack: the current version of every mission, every recipe and module. */
export async function exportPack(): Promise<ContentPack> {
  const [mods, ms, rs] = await Promise.all([
    db.select().from(foundationModules).orderBy(foundationModules.position),
    db
      .select({ content: missionVersions.content })
      .from(missions)
      .innerJoin(missionVersions, and(eq(missionVersions.missionId, missions.id), eq(missionVersions.version, missions.version)))
      .orderBy(missions.code),
    db.select({ content: recipes.content }).from(recipes).where(isNotNull(recipes.content)).orderBy(recipes.slug),
  ]);
  return {
    format: "sortie-content-pack/1",
    foundations: mods.map((m) => ({ slug: m.slug, title: m.title, summary: m.summary, body: m.body, estimated_minutes: m.estimatedMinutes, required: m.required, self_check: m.selfCheck })),
    missions: ms.map((m) => m.content),
    recipes: rs.map((r) => r.content),
  };
}
