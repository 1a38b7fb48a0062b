"use client";

import { useId, useState } from "react";
import type { RecipeOption } from "@/lib/reviews/queue";
import { inputClass } from "@/components/ui";

/** Searchable multi-select of recipes to recommend (by title, slug, summary or skill). */
export function RecipePicker({
  recipes,
  suggested,
  picked,
  onChange,
  error,
}: {
  recipes: RecipeOption[];
  suggested: string[];
  picked: string[];
  onChange: (slugs: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const [q, setQ] = useState("");
  const needle = q.trim().toLowerCase();
  const bySlug = new Map(recipes.map((r) => [r.slug, r]));
  const matches = needle
    ? recipes.filter((r) => [r.title, r.slug, r.summary, ...r.skills].some((t) => t.toLowerCase().includes(needle)))
    : suggested.map((s) => bySlug.get(s)).filter((r): r is RecipeOption => Boolean(r));
  const shown = matches.slice(0, 8);
  const toggle = (slug: string) => onChange(picked.includes(slug) ? picked.filter((s) => s !== slug) : [...picked, slug].slice(0, 10));

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Recommended recipes</legend>
      {picked.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Recipes you recommend">
          {picked.map((slug) => (
            <li key={slug} className="inline-flex items-center gap-1 rounded-full bg-brand-100 py-1 pl-3 pr-1 text-xs font-medium text-brand-700">
              {bySlug.get(slug)?.title ?? slug}
              <button type="button" onClick={() => toggle(slug)} className="rounded-full px-1.5 py-0.5 hover:bg-brand-50" aria-label={`Remove ${bySlug.get(slug)?.title ?? slug}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-q`} className="block text-xs text-slate-600">
        Search recipes by title or skill
      </label>
      <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. sigma, firewall, briefing" className={inputClass} aria-describedby={`${id}-count`} />
      <p id={`${id}-count`} className="text-xs text-slate-500" aria-live="polite">
        {needle ? `${matches.length} matching recipe${matches.length === 1 ? "" : "s"}${matches.length > shown.length ? `, first ${shown.length} shown` : ""}` : shown.length ? "Suggested by the mission's author for the stages on this path" : "Type to search the recipe library"}
      </p>
      {shown.length > 0 && (
        <ul className="max-h-72 space-y-1 overflow-y-auto rounded-lg border border-slate-200 bg-white p-2">
          {shown.map((r) => {
            const cid = `${id}-${r.slug}`;
            return (
              <li key={r.slug}>
                <label htmlFor={cid} className="flex cursor-pointer gap-2 rounded p-1.5 text-sm hover:bg-slate-50">
                  <input id={cid} type="checkbox" checked={picked.includes(r.slug)} onChange={() => toggle(r.slug)} className="mt-1" />
                  <span>
                    <span className="font-medium">{r.title}</span> <span className="text-xs text-slate-500">· {r.estimated_minutes} min</span>
                    <span className="block text-xs text-slate-600">{r.summary}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {error && <p className="text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}
