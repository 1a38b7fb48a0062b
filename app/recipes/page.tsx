import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { parseLibraryQuery, RECIPE_SORTS, type LibraryQuery } from "@/lib/recipes/schemas";
import { recipeFacets, searchRecipes } from "@/lib/db/queries/recipes";
import { RECIPE_DIFFICULTIES, RECIPE_TYPES } from "@/lib/db/schema/enums";
import { Button, ButtonLink, EmptyState, PageHeader, inputClass } from "@/components/ui";
import { RecipeCard } from "@/components/recipes/recipe-card";

export const metadata = { title: "Recipe library" };

const SORT_LABEL: Record<LibraryQuery["sort"], string> = { relevance: "Most relevant", popular: "Most used", rating: "Best rated", newest: "Newest" };
const selectClass = `${inputClass} pr-8`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The URL of the library with these filters (empty values left out), for pagination and chips. */
function href(query: LibraryQuery, over: Partial<Record<keyof LibraryQuery, string | number | boolean | undefined>>) {
  const merged: Record<string, unknown> = { ...query, ...over };
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) {
    if (v === undefined || v === "" || (k === "page" && v === 1) || (k === "page_size" && v === 12) || (k === "sort" && v === "relevance")) continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `/recipes?${s}` : "/recipes";
}

export default async function RecipeLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireUser();
  const query = parseLibraryQuery(await searchParams);
  const [result, facets] = await Promise.all([searchRecipes({ caller, query }), recipeFacets({ caller })]);
  const filtered = Boolean(query.q || query.skill || query.type || query.difficulty || query.tool || query.max_minutes || query.bookmarked !== undefined || query.completed !== undefined);
  const from = (result.page - 1) * result.pageSize + 1;
  const to = from + result.items.length - 1;

  return (
    <>
      <PageHeader title="Recipe library" description="Short, practical how-tos you can follow step by step: search by what you need to do, a tool or a skill." />
      <form method="get" action="/recipes" role="search" aria-label="Recipes" className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex-1">
            <label htmlFor="recipe-q" className="block text-sm font-medium text-slate-800">Search recipes</label>
            <input id="recipe-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} placeholder='e.g. failed logins, "sigma rule", -windows' className={`${inputClass} mt-1`} />
          </div>
          <div className="sm:w-48">
            <label htmlFor="recipe-sort" className="block text-sm font-medium text-slate-800">Sort by</label>
            <select id="recipe-sort" name="sort" defaultValue={query.sort} className={`${selectClass} mt-1`}>
              {RECIPE_SORTS.map((s) => <option key={s} value={s}>{SORT_LABEL[s]}</option>)}
            </select>
          </div>
          <Button type="submit" className="sm:w-32">Search</Button>
        </div>
        <fieldset className="mt-4">
          <legend className="text-sm font-medium text-slate-800">Filters</legend>
          <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
            <div>
              <label htmlFor="recipe-skill" className="block text-xs font-medium text-slate-600">Skill</label>
              <select id="recipe-skill" name="skill" defaultValue={query.skill ?? ""} className={selectClass}>
                <option value="">Any skill</option>
                {facets.skills.map((s) => <option key={s} value={s}>{s}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="recipe-type" className="block text-xs font-medium text-slate-600">Type</label>
              <select id="recipe-type" name="type" defaultValue={query.type ?? ""} className={selectClass}>
                <option value="">Any type</option>
                {RECIPE_TYPES.map((t) => <option key={t} value={t}>{cap(t)}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="recipe-difficulty" className="block text-xs font-medium text-slate-600">Difficulty</label>
              <select id="recipe-difficulty" name="difficulty" defaultValue={query.difficulty ?? ""} className={selectClass}>
                <option value="">Any difficulty</option>
                {RECIPE_DIFFICULTIES.map((d) => <option key={d} value={d}>{cap(d)}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="recipe-tool" className="block text-xs font-medium text-slate-600">Tool</label>
              <select id="recipe-tool" name="tool" defaultValue={query.tool ?? ""} className={selectClass}>
                <option value="">Any tool</option>
                {facets.tools.map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="recipe-minutes" className="block text-xs font-medium text-slate-600">Time</label>
              <select id="recipe-minutes" name="max_minutes" defaultValue={query.max_minutes?.toString() ?? ""} className={selectClass}>
                <option value="">Any length</option>
                {[10, 15, 20, 30, 45].map((m) => <option key={m} value={m}>Up to {m} min</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="recipe-bookmarked" className="block text-xs font-medium text-slate-600">Bookmarks</label>
              <select id="recipe-bookmarked" name="bookmarked" defaultValue={query.bookmarked === undefined ? "" : String(query.bookmarked)} className={selectClass}>
                <option value="">All recipes</option>
                <option value="true">Bookmarked</option>
                <option value="false">Not bookmarked</option>
              </select>
            </div>
            <div>
              <label htmlFor="recipe-completed" className="block text-xs font-medium text-slate-600">Progress</label>
              <select id="recipe-completed" name="completed" defaultValue={query.completed === undefined ? "" : String(query.completed)} className={selectClass}>
                <option value="">Any progress</option>
                <option value="true">Completed</option>
                <option value="false">Not completed</option>
              </select>
            </div>
          </div>
        </fieldset>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary">Apply filters</Button>
          {filtered && <Link href="/recipes" className="text-sm text-brand-700 underline">Clear all</Link>}
        </div>
      </form>

      <p role="status" className="mb-3 text-sm text-slate-600">
        {result.total === 0 ? "No recipes found" : `Showing ${from}–${to} of ${result.total} ${result.total === 1 ? "recipe" : "recipes"}`}
        {query.q ? ` for “${query.q}”` : ""}
      </p>

      {result.items.length === 0 ? (
        <EmptyState
          title={filtered ? "No recipe matches these filters" : "The library is empty"}
          action={filtered ? <ButtonLink href="/recipes" variant="secondary">Clear filters</ButtonLink> : undefined}
        >
          {filtered ? "Try fewer filters or other words: search covers titles, steps, commands, skills and tools." : "Recipes appear here once an admin imports a content pack."}
        </EmptyState>
      ) : (
        <ul aria-label="Recipes" className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {result.items.map((r) => <RecipeCard key={r.slug} recipe={r} />)}
        </ul>
      )}

      {result.pages > 1 && (
        <nav aria-label="Pagination" className="mt-6 flex flex-wrap items-center justify-between gap-3">
          {result.page > 1 ? <ButtonLink variant="secondary" href={href(query, { page: result.page - 1 })} rel="prev">← Previous</ButtonLink> : <span />}
          <span className="text-sm text-slate-600">Page {result.page} of {result.pages}</span>
          {result.page < result.pages ? <ButtonLink variant="secondary" href={href(query, { page: result.page + 1 })} rel="next">Next →</ButtonLink> : <span />}
        </nav>
      )}
    </>
  );
}
