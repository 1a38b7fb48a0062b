import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import {
  foundationModules,
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
import type { RECIPE_DIFFICULTIES, RECIPE_SORTS, RECIPE_TYPES } from "@/lib/db/schema/enums";
import type { Viewer } from "./access";

// The recipe library (SPEC §2 "Recipe", §4 recipe endpoints): full-text search with filters and
// sorts, and a recipe's detail with the caller's own progress, bookmark and rating. The caller's
// writes are in ./recipe-progress.ts; what a missing recipe means is decided in lib/recipes/.

/** Admins see drafts and archived recipes too; everyone else only published ones. */
function visible(caller: Pick<Viewer, "role">): SQL {
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
/** What the library is searched by: GET /recipes's query as its contract parses it. */
export interface LibraryQuery {
  q?: string;
  skill?: string;
  type?: (typeof RECIPE_TYPES)[number];
  difficulty?: (typeof RECIPE_DIFFICULTIES)[number];
  tool?: string;
  max_minutes?: number;
  bookmarked?: boolean;
  completed?: boolean;
  sort: (typeof RECIPE_SORTS)[number];
  page: number;
  page_size: number;
}

export async function searchRecipes({ caller, query, tx = db }: { caller: Viewer; query: LibraryQuery; tx?: Tx }) {
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
export async function recipeFacets({ caller, tx = db }: { caller: Viewer; tx?: Tx }) {
  const [skills, tools] = await Promise.all([
    rows<{ v: string }>(tx, sql`select distinct s as v from ${recipes}, jsonb_array_elements_text(${recipes.skills}) s where ${visible(caller)} order by 1`),
    rows<{ v: string }>(tx, sql`select min(t) as v from ${recipes}, jsonb_array_elements_text(${recipes.tools}) t where ${visible(caller)} group by lower(t) order by lower(min(t))`),
  ]);
  return { skills: skills.map((r) => r.v), tools: tools.map((r) => r.v) };
}

/** A recipe row by slug if the caller may see it, else undefined. */
export async function findRecipe({ caller, slug, tx = db }: { caller: Viewer; slug: string; tx?: Tx }) {
  const [r] = await tx.select().from(recipes).where(and(eq(recipes.slug, slug), visible(caller))).limit(1);
  return r;
}

export interface RecipeProgressView {
  stepsCompleted: number[];
  completed: boolean;
  completedAt: Date | null;
  viewCount: number;
  lastViewedAt: Date | null;
}

/** The user's progress on a recipe (an untouched recipe reads as nothing done, never viewed). */
export async function recipeProgressOf({ userId, recipeId, tx = db }: { userId: string; recipeId: string; tx?: Tx }): Promise<RecipeProgressView> {
  const [p] = await tx.select().from(recipeProgress).where(and(eq(recipeProgress.userId, userId), eq(recipeProgress.recipeId, recipeId)));
  return {
    stepsCompleted: [...(p?.stepsCompleted ?? [])].sort((a, b) => a - b),
    completed: Boolean(p?.completedAt),
    completedAt: p?.completedAt ?? null,
    viewCount: p?.viewCount ?? 0,
    lastViewedAt: p?.lastViewedAt ?? null,
  };
}

/** Average (null when unrated) and number of ratings of a recipe. */
export async function recipeRating({ recipeId, tx = db }: { recipeId: string; tx?: Tx }) {
  const [r] = await rows<{ average: number | null; count: number }>(
    tx,
    sql`select avg(rating)::float8 as average, count(*)::int as count from ${recipeRatings} where recipe_id = ${recipeId}`,
  );
  return { average: r?.average === null || r?.average === undefined ? null : Number(r.average), count: Number(r?.count ?? 0) };
}

/** Everything the detail page and `GET /recipes/{slug}` show, with the caller's own state; undefined when not visible. */
export async function findRecipeDetail({ caller, slug, tx = db }: { caller: Viewer; slug: string; tx?: Tx }) {
  const r = await findRecipe({ caller, slug, tx });
  if (!r) return undefined;
  const [steps, progress, rating, [mine], [bm], [usage], prereqRows, links] = await Promise.all([
    tx.select().from(recipeSteps).where(eq(recipeSteps.recipeId, r.id)).orderBy(asc(recipeSteps.position)),
    recipeProgressOf({ userId: caller.id, recipeId: r.id, tx }),
    recipeRating({ recipeId: r.id, tx }),
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
export type RecipeDetail = NonNullable<Awaited<ReturnType<typeof findRecipeDetail>>>;

/** "Where this is used": missions (and their stages) and Foundations modules linked to the recipe. */
async function usedIn(tx: Tx, recipeId: string, caller: Viewer) {
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

/** Published recipes with what lib/recipes/related.ts ranks them by. */
export async function relatedCandidates({ tx = db }: { tx?: Tx } = {}) {
  return tx
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
}
