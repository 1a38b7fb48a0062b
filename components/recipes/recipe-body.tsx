"use client";
import type { DrawerRecipe } from "@/app/missions/[id]/play/actions";
import { CopyButton } from "./copy-button";
/** A recipe's summary, steps (bodies rendered by the server) and checks, as the drawer shows them. */
export function RecipeBody({ recipe }: { recipe: DrawerRecipe }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{recipe.summary}</p>
      <ol className="space-y-3">
        {recipe.steps.map((s) => (
          <li key={s.step} className="rounded-lg border border-slate-200 p-3">
            <h3 className="text-sm font-semibold">Step {s.step}: {s.title}</h3>
            {s.body}
            {s.command && (
              <div className="my-2 overflow-hidden rounded-md bg-slate-900">
                <div className="flex justify-end border-b border-slate-700 px-2 py-1"><CopyButton text={s.command} label="Copy" /></div>
                <pre tabIndex={0} className="overflow-x-auto p-2 text-xs text-slate-100"><code>{s.command}</code></pre>
              </div>
            )}
            <p className="text-xs text-slate-700"><span className="font-medium">Expected: </span>{s.expected}</p>
            {s.evidence && <p className="text-xs text-slate-700"><span className="font-medium">Evidence: </span>{s.evidence}</p>}
          </li>
        ))}
      </ol>
      {recipe.checks.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Check your work</h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">{recipe.checks.map((c) => <li key={c}>{c}</li>)}</ul>
        </div>
      )}
    </div>
  );
}
