"use client";
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/api/action";
import { bookmarkAction, checkStepAction, completeRecipeAction, rateAction } from "@/lib/recipes/actions";
import { Button, cx } from "@/components/ui";

function Status({ state }: { state: ActionState }) {
  if (!state.message) return <span role="status" aria-live="polite" className="sr-only" />;
  return (
    <span role={state.ok ? "status" : "alert"} aria-live="polite" className={cx("text-sm", state.ok ? "text-green-800" : "text-red-700")}>
      {state.message}
    </span>
  );
}

/** Check off one step (server action; works without JavaScript too). */
export function StepCheckButton({ slug, step, title, done }: { slug: string; step: number; title: string; done: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(checkStepAction, {});
  if (done)
    return (
      <p className="inline-flex items-center gap-2 text-sm font-medium text-green-800">
        <span aria-hidden="true">✓</span> Step {step} done
      </p>
    );
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="step" value={step} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Mark step ${step}, ${title}, as done`}>
        {pending ? "Saving…" : "Mark step done"}
      </Button>
      <Status state={state} />
    </form>
  );
}

export function CompleteRecipeButton({ slug }: { slug: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(completeRecipeAction, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="slug" value={slug} />
      <Button type="submit" variant="ghost" disabled={pending} className="underline">
        {pending ? "Saving…" : "I have done all the steps"}
      </Button>
      <Status state={state} />
    </form>
  );
}

export function BookmarkButton({ slug, bookmarked }: { slug: string; bookmarked: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(bookmarkAction, {});
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="on" value={bookmarked ? "0" : "1"} />
      <Button type="submit" variant="secondary" disabled={pending} aria-pressed={bookmarked}>
        <span aria-hidden="true">{bookmarked ? "★" : "☆"}</span>
        {bookmarked ? "Bookmarked" : "Bookmark"}
      </Button>
      {state.message && !state.ok && <Status state={state} />}
    </form>
  );
}

/** 1–5 stars as a radio group (keyboard: arrows move, Enter submits). */
export function RatingForm({ slug, current }: { slug: string; current: number | null }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(rateAction, {});
  const [value, setValue] = useState<number | null>(current);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="slug" value={slug} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Your rating</legend>
        <div className="mt-2 flex flex-wrap gap-1">
          {[1, 2, 3, 4, 5].map((n) => (
            <label
              key={n}
              className={cx(
                "flex min-h-10 min-w-10 cursor-pointer items-center justify-center rounded-md border text-lg has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-brand-500",
                value !== null && n <= value ? "border-amber-400 bg-amber-50 text-amber-600" : "border-slate-300 bg-white text-slate-400",
              )}
            >
              <input type="radio" name="rating" value={n} checked={value === n} onChange={() => setValue(n)} className="sr-only" />
              <span aria-hidden="true">★</span>
              <span className="sr-only">{n} {n === 1 ? "star" : "stars"}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending || value === null}>{pending ? "Saving…" : current ? "Update rating" : "Rate recipe"}</Button>
        <Status state={state} />
      </div>
      {state.fields?.rating && <p className="text-sm text-red-700">{state.fields.rating}</p>}
    </form>
  );
}
