import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import type { LibraryQuery } from "@/lib/api/contracts/recipes";
import { RECIPE_SORTS } from "@/lib/db/schema/enums";
import { parseLibraryQuery } from "@/components/recipes/filters";
import { recipeFacets, searchRecipes } from "@/lib/db/queries/recipes";
import { RECIPE_DIFFICULTIES, RECIPE_TYPES } from "@/lib/db/schema/enums";
import { Button, ButtonLink, EmptyState, PageHeader, inputClass } from "@/components/ui";
import { RecipeCard } from "@/components/recipes/recipe-card";
import { FilterSelect, type FilterOption } from "@/components/ui/filter-select";

export const metadata = { title: "Recipe library" };

const SORT_LABEL: Record<LibraryQuery["sort"], string> = { relevance: "Most relevant", popular: "Most used", rating: "Best rated", newest: "Newest" };
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const SORT_OPTIONS: readonly FilterOption[] = RECIPE_SORTS.map((s) => ({ value: s, label: SORT_LABEL[s] }));
const TYPE_OPTIONS: readonly FilterOption[] = RECIPE_TYPES.map((t) => ({ value: t, label: cap(t) }));
const DIFFICULTY_OPTIONS: readonly FilterOption[] = RECIPE_DIFFICULTIES.map((d) => ({ value: d, label: cap(d) }));
const MINUTES_OPTIONS: readonly FilterOption[] = [10, 15, 20, 30, 45].map((m) => ({ value: String(m), label: `Up to ${m} min` }));
const BOOKMARKED_OPTIONS: readonly FilterOption[] = [{ value: "true", label: "Bookmarked" }, { value: "false", label: "Not bookmarked" }];
const COMPLETED_OPTIONS: readonly FilterOption[] = [{ value: "true", label: "Completed" }, { value: "false", label: "Not completed" }];
/** A yes/no filter's select value: "" (any), "true" or "false". */
const boolValue = (b: boolean | undefined) => (b === undefined ? "" : String(b));

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
          <FilterSelect id="recipe-sort" name="sort" label="Sort by" value={query.sort} options={SORT_OPTIONS} className="sm:w-48" />
          <Button type="submit" className="sm:w-32">Search</Button>
        </div>
        <fieldset className="mt-4">
          <legend className="text-sm font-medium text-slate-800">Filters</legend>
          <div className="mt-2 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
            <FilterSelect id="recipe-skill" name="skill" label="Skill" anyLabel="Any skill" value={query.skill} options={facets.skills.map((x) => ({ value: x, label: x }))} />
            <FilterSelect id="recipe-type" name="type" label="Type" anyLabel="Any type" value={query.type} options={TYPE_OPTIONS} />
            <FilterSelect id="recipe-difficulty" name="difficulty" label="Difficulty" anyLabel="Any difficulty" value={query.difficulty} options={DIFFICULTY_OPTIONS} />
            <FilterSelect id="recipe-tool" name="tool" label="Tool" anyLabel="Any tool" value={query.tool} options={facets.tools.map((x) => ({ value: x, label: x }))} />
            <FilterSelect id="recipe-minutes" name="max_minutes" label="Time" anyLabel="Any length" value={query.max_minutes?.toString()} options={MINUTES_OPTIONS} />
            <FilterSelect id="recipe-bookmarked" name="bookmarked" label="Bookmarks" anyLabel="All recipes" value={boolValue(query.bookmarked)} options={BOOKMARKED_OPTIONS} />
            <FilterSelect id="recipe-completed" name="completed" label="Progress" anyLabel="Any progress" value={boolValue(query.completed)} options={COMPLETED_OPTIONS} />
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
