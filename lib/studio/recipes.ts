import "server-only";
import { db, type Tx } from "@/lib/db";
import { insertAudit, recipeContent, recipeUsageByState, saveDraftIfVersion, userName } from "@/lib/db/queries/studio";
import { knownContent, writePack } from "@/lib/content/import";
import { recipeSchema, type RecipeContent } from "@/lib/content/schemas";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { assertAdmin, staleConflict, workingCopy } from "./drafts";
import { countByState, recipeDiff } from "./diff";
import { listStudio } from "./list";
import { problemFields, recipeProblems, type Problem } from "./problems";

// Mission Studio for recipes: the same draft, validate, impact and publish flow as missions.
// A recipe keeps one version (learners always read the current text), so its impact counts the
// learners part-way through it rather than attempts pinned to a version.

export async function listRecipes({ caller, q, status }: { caller: Caller; q?: string; status?: string }) {
  const items = await listStudio({ caller, kind: "recipe", q, status });
  return { items: items.map(({ ref, ...i }) => ({ slug: ref, ...i })) };
}

async function problemsOf(content: unknown, tx: Tx = db): Promise<Problem[]> {
  return recipeProblems(content, await knownContent(tx));
}

export async function validateRecipe({ caller, slug }: { caller: Caller; slug: string }) {
  assertAdmin(caller);
  const w = await workingCopy({ kind: "recipe", ref: slug });
  const problems = await problemsOf(w.content);
  return { slug: w.ref, draft_version: w.draftVersion, valid: problems.length === 0, problems };
}

export async function recipeImpact({ caller, slug }: { caller: Caller; slug: string }) {
  assertAdmin(caller);
  const w = await workingCopy({ kind: "recipe", ref: slug });
  const r = recipeSchema.safeParse(w.content);
  if (!r.success) {
    const problems = await problemsOf(w.content);
    throw errors.rule("The draft is not a complete recipe yet, so it cannot be compared; fix these first.", problemFields(problems), { problems });
  }
  const before = w.published ? (w.published.content as unknown as RecipeContent) : null;
  const usage = w.published ? countByState(await recipeUsageByState({ recipeId: w.published.id })) : countByState([]);
  return { slug: w.ref, draft_version: w.draftVersion, published_version: w.published?.version ?? null, changes: recipeDiff(before, r.data), learners: usage };
}

export async function publishRecipe({ caller, slug, draftVersion }: { caller: Caller; slug: string; draftVersion?: number }) {
  assertAdmin(caller);
  return db.transaction(async (tx) => {
    const w = await workingCopy({ kind: "recipe", ref: slug, tx, lock: true });
    if (draftVersion !== undefined && draftVersion !== w.draftVersion) throw await staleConflict("recipe", w.draft, tx);
    if (!w.draft?.content) {
      const current = w.published!;
      return { slug: w.ref, status: current.status, version: current.version, previous_version: current.version, outcome: "unchanged" as const, draft_version: w.draftVersion, audit: null };
    }
    const problems = await problemsOf(w.draft.content, tx);
    if (problems.length) throw errors.rule(`The draft has ${problems.length} problem(s); nothing was published.`, problemFields(problems), { problems });
    const status = w.draft.content.status === "archived" ? "archived" : "published";
    const recipe = recipeSchema.parse({ ...w.draft.content, status });
    const before = w.published ? (w.published.content as unknown as RecipeContent) : null;
    const summary = await writePack(tx, { format: "sortie-content-pack/1", foundations: [], missions: [], recipes: [recipe] });
    const row = (await recipeContent({ slug: w.ref, tx }))!;
    const outcome = summary.recipes.created.length ? ("created" as const) : summary.recipes.updated.length ? ("updated" as const) : ("unchanged" as const);
    const audit = await insertAudit(tx, {
      kind: "recipe",
      ref: w.ref,
      action: "publish",
      version: row.version,
      actorId: caller.id,
      details: { previous_version: w.published?.version ?? null, outcome, changes: recipeDiff(before, recipe) },
    });
    const cleared = await saveDraftIfVersion(tx, { id: w.draft.id, expect: w.draft.draftVersion, content: null, userId: caller.id });
    const by = await userName({ id: caller.id, tx });
    return {
      slug: w.ref,
      status: row.status,
      version: row.version,
      previous_version: w.published?.version ?? null,
      outcome,
      draft_version: cleared?.draftVersion ?? w.draft.draftVersion,
      audit: { id: audit.id, action: "publish", at: audit.createdAt.toISOString(), by },
    };
  });
}
