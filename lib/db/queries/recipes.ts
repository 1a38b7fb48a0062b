import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import {
  foundationModules,
  missionProgress,
  missionStages,
  missions,
  recipeBookmarks,
  recipeLinks,
  recipeProgress,
  recipeRatings,
  recipeSteps,
  recipeUses,
  recipes,
} from "@/lib/db/schema";
import { errors } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { recordEvents } from "@/lib/telemetry/record";
import type { EventRecord } from "@/lib/telemetry/events";
import type { LibraryQuery, ProgressBody } from "@/lib/api/contracts/recipes";
import { relatedRecipes, type RelatedCandidate } from "@/lib/recipes/related";
import { findMission } from "./missions";

// The recipe library (SPEC §2 "Recipe", §4 recipe endpoints): full-text search with filters and
// sorts, detail with the caller's progress, and the caller's own writes (progress, bookmark,
// rating), each with its telemetry event in the same transaction.

/** Admins see drafts and archived recipes too; everyone else only published ones. */
function visible(caller: Pick<Caller, "role">): SQL {
  return caller.role === "admin" ? sql`true` : sql`${recipes.status} = 'published'`;
}

/** Learners who used a recipe: completed it or marked it used in a mission. */
const usageCount = (recipeId: SQL | typeof recipes.id) => sql<number>`(
  select count(*)::int from (
    select ${recipeProgress.userId} as u from ${recipeProgress} where ${recipeProgress.recipeId} = ${recipeId} and ${recipeProgress.completedAt} is not null
    union
    select ${recipeUses.userId} from ${recipeUses} where ${recipeUses.recipeId} = ${recipeId}
  ) used)`;

export interface RecipeCard {
  slug: string;
  title: string;
  summary: string;
  type: string;
  difficulty: string;
  estimatedMinutes: number;
  skills: string[];
  tools: string[];
  mentorCurated: boolean;
  status: string;
  usageCount: number;
  ratingAverage: number | null;
  ratingCount: number;
  bookmarked: boolean;
  completed: boolean;
  rank: number | null;
}

/**
 * Words for full-text search: skill tags are stored with spaces instead of hyphens, so the query's
 * in-word hyphens become spaces too ("log-analysis"), while a leading "-" (exclude) is kept.
 */
export function searchWords(q: string): string {
  return q.replace(/(\w)-(?=\w)/g, "$1 ").trim();
}

/** The library: full-text search (`search_vector @@ websearch_to_tsquery`), combinable filters, sorts, paging. */
export async function searchRecipes({ caller, query, tx = db }: { caller: Caller; query: LibraryQuery; tx?: Tx }) {
  const words = query.q ? searchWords(query.q) : "";
  const tsq = words ? sql`websearch_to_tsquery('english', ${words})` : null;
  const conds: SQL[] = [visible(caller)];
  if (tsq) conds.push(sql`${recipes.searchVector} @@ ${tsq}`);
  if (query.skill) conds.push(sql`${recipes.skills} @> ${JSON.stringify([query.skill])}::jsonb`);
  if (query.type) conds.push(sql`${recipes.type} = ${query.type}`);
  if (query.difficulty) conds.push(sql`${recipes.difficulty} = ${query.difficulty}`);
  if (query.tool) conds.push(sql`exists (select 1 from jsonb_array_elements_text(${recipes.tools}) t where lower(t) = lower(${query.tool}))`);
  if (query.max_minutes !== undefined) conds.push(sql`${recipes.estimatedMinutes} <= ${query.max_minutes}`);
  const bookmarked = sql`exists (select 1 from ${recipeBookmarks} b where b.recipe_id = ${recipes.id} and b.user_id = ${caller.id})`;
  const completed = sql`exists (select 1 from ${recipeProgress} p where p.recipe_id = ${recipes.id} and p.user_id = ${caller.id} and p.completed_at is not null)`;
  if (query.bookmarked !== undefined) conds.push(query.bookmarked ? bookmarked : sql`not ${bookmarked}`);
  if (query.completed !== undefined) conds.push(query.completed ? completed : sql`not ${completed}`);

  const order: Record<LibraryQuery["sort"], SQL> = {
    relevance: tsq ? sql`rank desc, slug asc` : sql`mentor_curated desc, usage_count desc, title asc, slug asc`,
    popular: sql`usage_count desc, rating_count desc, title asc, slug asc`,
    rating: sql`rating_average desc nulls last, rating_count desc, title asc, slug asc`,
    newest: sql`created_at desc, slug asc`,
  };
  const limit = query.page_size;
  const offset = (query.page - 1) * query.page_size;
  const found = await rows<{
    slug: string;
    title: string;
    summary: string;
    type: string;
    difficulty: string;
    estimated_minutes: number;
    skills: string[];
    tools: string[];
    mentor_curated: boolean;
    status: string;
    usage_count: number;
    rating_average: number | null;
    rating_count: number;
    bookmarked: boolean;
    completed: boolean;
    rank: number | null;
    total: number;
  }>(
    tx,
    sql`select * from (
      select ${recipes.slug} as slug, ${recipes.title} as title, ${recipes.summary} as summary, ${recipes.type} as type,
        ${recipes.difficulty} as difficulty, ${recipes.estimatedMinutes} as estimated_minutes, ${recipes.skills} as skills,
        ${recipes.tools} as tools, ${recipes.mentorCurated} as mentor_curated, ${recipes.status} as status, ${recipes.createdAt} as created_at,
        ${usageCount(recipes.id)} as usage_count,
        (select avg(rr.rating)::float8 from ${recipeRatings} rr where rr.recipe_id = ${recipes.id}) as rating_average,
        (select count(*)::int from ${recipeRatings} rr where rr.recipe_id = ${recipes.id}) as rating_count,
        ${bookmarked} as bookmarked, ${completed} as completed,
        ${tsq ? sql`ts_rank(${recipes.searchVector}, ${tsq})::float8` : sql`null::float8`} as rank,
        count(*) over ()::int as total
      from ${recipes}
      where ${sql.join(conds, sql` and `)}
    ) found
    order by ${order[query.sort]}
    limit ${limit} offset ${offset}`,
  );
  let total = found[0]?.total ?? 0;
  if (found.length === 0 && offset > 0) {
    // Past the last page: still report how many there are.
    const [c] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${recipes} where ${sql.join(conds, sql` and `)}`);
    total = c?.n ?? 0;
  }
  const items: RecipeCard[] = found.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    type: r.type,
    difficulty: r.difficulty,
    estimatedMinutes: Number(r.estimated_minutes),
    skills: r.skills,
    tools: r.tools,
    mentorCurated: r.mentor_curated,
    status: r.status,
    usageCount: Number(r.usage_count),
    ratingAverage: r.rating_average === null ? null : Number(r.rating_average),
    ratingCount: Number(r.rating_count),
    bookmarked: r.bookmarked,
    completed: r.completed,
    rank: r.rank === null ? null : Number(r.rank),
  }));
  return { items, total: Number(total), page: query.page, pageSize: query.page_size, pages: Math.max(1, Math.ceil(Number(total) / query.page_size)) };
}

/** Skills and tools in use by visible recipes, for the library's filter menus. */
export async function recipeFacets({ caller, tx = db }: { caller: Caller; tx?: Tx }) {
  const [skills, tools] = await Promise.all([
    rows<{ v: string }>(tx, sql`select distinct s as v from ${recipes}, jsonb_array_elements_text(${recipes.skills}) s where ${visible(caller)} order by 1`),
    rows<{ v: string }>(tx, sql`select min(t) as v from ${recipes}, jsonb_array_elements_text(${recipes.tools}) t where ${visible(caller)} group by lower(t) order by lower(min(t))`),
  ]);
  return { skills: skills.map((r) => r.v), tools: tools.map((r) => r.v) };
}

/** A visible recipe row by slug, or a 404. */
export async function requireRecipe({ caller, slug, tx = db }: { caller: Caller; slug: string; tx?: Tx }) {
  const [r] = await tx.select().from(recipes).where(and(eq(recipes.slug, slug), visible(caller))).limit(1);
  if (!r) throw errors.notFound("Recipe");
  return r;
}

export interface RecipeProgressView {
  stepsCompleted: number[];
  completed: boolean;
  completedAt: Date | null;
  viewCount: number;
  lastViewedAt: Date | null;
}

async function progressOf(tx: Tx, userId: string, recipeId: string): Promise<RecipeProgressView> {
  const [p] = await tx.select().from(recipeProgress).where(and(eq(recipeProgress.userId, userId), eq(recipeProgress.recipeId, recipeId)));
  return {
    stepsCompleted: [...(p?.stepsCompleted ?? [])].sort((a, b) => a - b),
    completed: Boolean(p?.completedAt),
    completedAt: p?.completedAt ?? null,
    viewCount: p?.viewCount ?? 0,
    lastViewedAt: p?.lastViewedAt ?? null,
  };
}

async function ratingOf(tx: Tx, recipeId: string) {
  const [r] = await rows<{ average: number | null; count: number }>(
    tx,
    sql`select avg(rating)::float8 as average, count(*)::int as count from ${recipeRatings} where recipe_id = ${recipeId}`,
  );
  return { average: r?.average === null || r?.average === undefined ? null : Number(r.average), count: Number(r?.count ?? 0) };
}

/** Everything the detail page and `GET /recipes/{slug}` show, with the caller's own state. */
export async function recipeDetail({ caller, slug, tx = db }: { caller: Caller; slug: string; tx?: Tx }) {
  const r = await requireRecipe({ caller, slug, tx });
  const [steps, progress, rating, [mine], [bm], [usage], prereqRows, links] = await Promise.all([
    tx.select().from(recipeSteps).where(eq(recipeSteps.recipeId, r.id)).orderBy(asc(recipeSteps.position)),
    progressOf(tx, caller.id, r.id),
    ratingOf(tx, r.id),
    tx.select({ rating: recipeRatings.rating }).from(recipeRatings).where(and(eq(recipeRatings.userId, caller.id), eq(recipeRatings.recipeId, r.id))),
    tx.select({ at: recipeBookmarks.createdAt }).from(recipeBookmarks).where(and(eq(recipeBookmarks.userId, caller.id), eq(recipeBookmarks.recipeId, r.id))),
    rows<{ n: number }>(tx, sql`select ${usageCount(sql`${r.id}::uuid`)} as n`),
    r.prerequisites.length
      ? rows<{ slug: string; title: string; completed: boolean }>(
          tx,
          sql`select r.slug, r.title, exists (select 1 from ${recipeProgress} p where p.recipe_id = r.id and p.user_id = ${caller.id} and p.completed_at is not null) as completed
              from ${recipes} r where r.slug in (${sql.join(r.prerequisites.map((s) => sql`${s}`), sql`, `)}) and ${caller.role === "admin" ? sql`true` : sql`r.status = 'published'`}`,
        )
      : Promise.resolve([]),
    usedIn(tx, r.id, caller),
  ]);
  const prereqBySlug = new Map(prereqRows.map((p) => [p.slug, p]));
  return {
    recipe: r,
    steps: steps.map((s) => ({ ...s, step: s.position + 1 })),
    progress,
    bookmarked: Boolean(bm),
    myRating: mine?.rating ?? null,
    rating,
    usageCount: Number(usage?.n ?? 0),
    prerequisites: r.prerequisites.filter((s) => prereqBySlug.has(s)).map((s) => prereqBySlug.get(s)!),
    usedIn: links,
  };
}
export type RecipeDetail = Awaited<ReturnType<typeof recipeDetail>>;

/** "Where this is used": missions (and their stages) and Foundations modules linked to the recipe. */
async function usedIn(tx: Tx, recipeId: string, caller: Caller) {
  const rowsOut = await tx
    .selectDistinct({
      missionId: missions.id,
      code: missions.code,
      missionTitle: missions.title,
      track: missions.track,
      tier: missions.tier,
      stageKey: recipeLinks.stageKey,
      stageTitle: missionStages.title,
      stagePosition: missionStages.position,
      moduleSlug: foundationModules.slug,
      moduleTitle: foundationModules.title,
    })
    .from(recipeLinks)
    .leftJoin(missions, eq(missions.id, recipeLinks.missionId))
    .leftJoin(missionStages, and(eq(missionStages.missionId, recipeLinks.missionId), eq(missionStages.key, recipeLinks.stageKey)))
    .leftJoin(foundationModules, eq(foundationModules.id, recipeLinks.moduleId))
    .where(and(eq(recipeLinks.recipeId, recipeId), caller.role === "admin" ? sql`true` : sql`(${missions.id} is null or ${missions.status} = 'published')`));
  const byMission = new Map<string, { code: string; title: string; track: string; tier: string; stages: { key: string; title: string; number: number }[] }>();
  const modules: { slug: string; title: string }[] = [];
  for (const l of rowsOut) {
    if (l.code && l.missionId) {
      const m = byMission.get(l.code) ?? { code: l.code, title: l.missionTitle!, track: l.track!, tier: l.tier!, stages: [] };
      if (l.stageKey && l.stageTitle && !m.stages.some((s) => s.key === l.stageKey))
        m.stages.push({ key: l.stageKey, title: l.stageTitle, number: (l.stagePosition ?? 0) + 1 });
      byMission.set(l.code, m);
    } else if (l.moduleSlug && !modules.some((m) => m.slug === l.moduleSlug)) modules.push({ slug: l.moduleSlug, title: l.moduleTitle! });
  }
  const missionsOut = [...byMission.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const m of missionsOut) m.stages.sort((a, b) => a.number - b.number);
  return { missions: missionsOut, modules: modules.sort((a, b) => a.slug.localeCompare(b.slug)) };
}

/** Related recipes of a visible recipe, ranked by lib/recipes/related.ts. */
export async function relatedForRecipe({ caller, slug, limit = 6, tx = db }: { caller: Caller; slug: string; limit?: number; tx?: Tx }) {
  const target = await requireRecipe({ caller, slug, tx });
  const candidates = await tx
    .select({
      slug: recipes.slug,
      title: recipes.title,
      summary: recipes.summary,
      difficulty: recipes.difficulty,
      estimatedMinutes: recipes.estimatedMinutes,
      skills: recipes.skills,
      tools: recipes.tools,
      prerequisites: recipes.prerequisites,
      related: recipes.related,
    })
    .from(recipes)
    .where(sql`${recipes.status} = 'published'`);
  const asCandidate = (r: typeof target): RelatedCandidate => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    difficulty: r.difficulty,
    estimatedMinutes: r.estimatedMinutes,
    skills: r.skills,
    tools: r.tools,
    prerequisites: r.prerequisites,
    related: r.related,
  });
  return relatedRecipes(asCandidate(target), candidates, limit);
}

// ---------------------------------------------------------------------------------------------
// The caller's own writes. Each runs in one transaction with the telemetry event it causes.

/** Creates the caller's progress row on first touch; returns it locked for this transaction. */
async function touchProgress(tx: Tx, userId: string, recipeId: string) {
  await tx.insert(recipeProgress).values({ userId, recipeId, viewCount: 0 }).onConflictDoNothing();
  const [p] = await tx
    .select()
    .from(recipeProgress)
    .where(and(eq(recipeProgress.userId, userId), eq(recipeProgress.recipeId, recipeId)))
    .for("update");
  return p;
}

export interface ProgressResult {
  event: ProgressBody["event"];
  progress: RecipeProgressView;
  /** True when this call completed the recipe (explicitly or by checking off its last step). */
  justCompleted: boolean;
  used?: { mission: string; stage: string; recorded: boolean };
}

/**
 * Records one progress event of the caller on a recipe:
 * - `viewed` (with `duration_ms` of time on the page) counts a view;
 * - `step_completed` checks off step `step` (1-based); checking off the last one completes the recipe;
 * - `completed` completes it (every step counts as done);
 * - `marked_used` records which mission stage it helped with (`recipe_uses`), once per attempt and stage.
 * Repeating a step, a completion or a use is a no-op (no duplicate rows or events).
 */
export async function recordRecipeProgress({ caller, slug, input }: { caller: Caller; slug: string; input: ProgressBody }): Promise<ProgressResult> {
  return db.transaction(async (tx) => {
    const r = await requireRecipe({ caller, slug, tx });
    const [{ n: stepCount }] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${recipeSteps} where recipe_id = ${r.id}`);
    const now = new Date();
    const events: EventRecord[] = [];
    const base = { userId: caller.id, recipeId: r.id, occurredAt: now };
    let justCompleted = false;
    let used: ProgressResult["used"];
    const p = await touchProgress(tx, caller.id, r.id);
    const allSteps = Array.from({ length: Number(stepCount) }, (_, i) => i + 1);

    const complete = async (steps: number[]) => {
      if (p.completedAt) return;
      justCompleted = true;
      await tx.update(recipeProgress).set({ completedAt: now, stepsCompleted: steps }).where(and(eq(recipeProgress.userId, caller.id), eq(recipeProgress.recipeId, r.id)));
      events.push({ ...base, type: "recipe.completed", payload: { slug: r.slug, steps: steps.length } });
    };

    switch (input.event) {
      case "viewed": {
        await tx
          .update(recipeProgress)
          .set({ viewCount: sql`${recipeProgress.viewCount} + 1`, lastViewedAt: now })
          .where(and(eq(recipeProgress.userId, caller.id), eq(recipeProgress.recipeId, r.id)));
        events.push({ ...base, type: "recipe.viewed", payload: { slug: r.slug, ...(input.duration_ms !== undefined ? { duration_ms: input.duration_ms } : {}) } });
        break;
      }
      case "step_completed": {
        const step = input.step!;
        if (step > stepCount) throw errors.validation({ step: `this recipe has ${stepCount} step(s)` });
        const done = p.stepsCompleted ?? [];
        if (!done.includes(step)) {
          const next = [...done, step].sort((a, b) => a - b);
          await tx.update(recipeProgress).set({ stepsCompleted: next }).where(and(eq(recipeProgress.userId, caller.id), eq(recipeProgress.recipeId, r.id)));
          events.push({ ...base, type: "recipe.step_completed", payload: { slug: r.slug, step } });
          if (allSteps.every((s) => next.includes(s))) await complete(next);
        }
        break;
      }
      case "completed":
        await complete(allSteps);
        break;
      case "marked_used": {
        const mission = await findMission({ idOrCode: input.mission!, tx });
        if (!mission || (mission.status !== "published" && caller.role !== "admin")) throw errors.validation({ mission: "no such mission" });
        const [stage] = await tx
          .select({ key: missionStages.key })
          .from(missionStages)
          .where(and(eq(missionStages.missionId, mission.id), eq(missionStages.key, input.stage!)));
        if (!stage) throw errors.validation({ stage: `mission ${mission.code} has no stage "${input.stage}"` });
        // The caller's own attempt on that mission: the live one, else the latest.
        const [attempt] = await tx
          .select({ id: missionProgress.id })
          .from(missionProgress)
          .where(and(eq(missionProgress.userId, caller.id), eq(missionProgress.missionId, mission.id)))
          .orderBy(sql`${missionProgress.state} in ('in_progress','changes_requested') desc`, sql`${missionProgress.attempt} desc`)
          .limit(1);
        const progressId = attempt?.id ?? null;
        const [already] = await tx
          .select({ id: recipeUses.id })
          .from(recipeUses)
          .where(
            and(
              eq(recipeUses.userId, caller.id),
              eq(recipeUses.recipeId, r.id),
              eq(recipeUses.stageKey, stage.key),
              eq(recipeUses.missionId, mission.id),
              sql`${recipeUses.progressId} is not distinct from ${progressId}`,
            ),
          );
        if (!already) {
          await tx.insert(recipeUses).values({ userId: caller.id, recipeId: r.id, missionId: mission.id, progressId, stageKey: stage.key, createdAt: now }).onConflictDoNothing();
          events.push({ ...base, type: "recipe.marked_used", missionId: mission.id, progressId, stageKey: stage.key, payload: { slug: r.slug } });
        }
        used = { mission: mission.code, stage: stage.key, recorded: !already };
        break;
      }
    }
    await recordEvents(tx, events);
    return { event: input.event, progress: await progressOf(tx, caller.id, r.id), justCompleted, used };
  });
}

export async function setBookmark({ caller, slug, on }: { caller: Caller; slug: string; on: boolean }) {
  return db.transaction(async (tx) => {
    const r = await requireRecipe({ caller, slug, tx });
    if (on) await tx.insert(recipeBookmarks).values({ userId: caller.id, recipeId: r.id }).onConflictDoNothing();
    else await tx.delete(recipeBookmarks).where(and(eq(recipeBookmarks.userId, caller.id), eq(recipeBookmarks.recipeId, r.id)));
    return { bookmarked: on };
  });
}

/** Rates a recipe 1–5; refused (422) until the caller has completed it. Rating again replaces it. */
export async function rateRecipe({ caller, slug, rating }: { caller: Caller; slug: string; rating: number }) {
  return db.transaction(async (tx) => {
    const r = await requireRecipe({ caller, slug, tx });
    const p = await progressOf(tx, caller.id, r.id);
    if (!p.completed) throw errors.rule("Complete the recipe before rating it.", { rating: "you can rate a recipe once you have completed it" });
    await tx
      .insert(recipeRatings)
      .values({ userId: caller.id, recipeId: r.id, rating })
      .onConflictDoUpdate({ target: [recipeRatings.userId, recipeRatings.recipeId], set: { rating, updatedAt: new Date() } });
    return { rating, ...(await ratingOf(tx, r.id)) };
  });
}
