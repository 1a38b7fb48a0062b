import Link from "next/link";
import { Badge, type Tone } from "@/components/ui";
import type { RecipeCard as Card } from "@/lib/db/queries/recipes";

export const DIFFICULTY_TONE: Record<string, Tone> = { beginner: "green", intermediate: "amber", advanced: "red" };

export function Rating({ average, count }: { average: number | null; count: number }) {
  if (average === null || count === 0) return <span className="text-slate-500">No ratings yet</span>;
  return (
    <span>
      <span aria-hidden="true" className="text-amber-500">★</span> {average.toFixed(1)}
      <span className="text-slate-500"> ({count} {count === 1 ? "rating" : "ratings"})</span>
    </span>
  );
}

export function RecipeCard({ recipe }: { recipe: Card }) {
  return (
    <li className="flex flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-md">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={DIFFICULTY_TONE[recipe.difficulty] ?? "slate"} className="capitalize">{recipe.difficulty}</Badge>
        <Badge tone="blue" className="capitalize">{recipe.type}</Badge>
        {recipe.mentorCurated && <Badge tone="purple">Mentor curated</Badge>}
        {recipe.completed && <Badge tone="green">Completed</Badge>}
        {recipe.bookmarked && <Badge tone="amber">Bookmarked</Badge>}
      </div>
      <h2 className="mt-2 text-base font-semibold text-slate-900">
        <Link href={`/recipes/${recipe.slug}`} className="hover:underline">
          {recipe.title}
        </Link>
      </h2>
      <p className="mt-1 line-clamp-3 flex-1 text-sm text-slate-600">{recipe.summary}</p>
      <ul aria-label="Skills" className="mt-3 flex flex-wrap gap-1">
        {recipe.skills.map((s) => (
          <li key={s} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">{s}</li>
        ))}
      </ul>
      <dl className="mt-3 grid grid-cols-3 gap-2 border-t border-slate-100 pt-3 text-xs text-slate-700">
        <div>
          <dt className="text-slate-500">Time</dt>
          <dd className="font-medium">{recipe.estimatedMinutes} min</dd>
        </div>
        <div>
          <dt className="text-slate-500">Used by</dt>
          <dd className="font-medium">{recipe.usageCount} {recipe.usageCount === 1 ? "learner" : "learners"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Rating</dt>
          <dd className="font-medium"><Rating average={recipe.ratingAverage} count={recipe.ratingCount} /></dd>
        </div>
      </dl>
    </li>
  );
}
