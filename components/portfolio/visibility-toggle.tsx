"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

/** Public / private switch for one portfolio item (PATCH /api/v1/portfolio/{item}). */
export function VisibilityToggle({ itemId, initial, title }: { itemId: string; initial: boolean; title: string }) {
  const router = useRouter();
  const [on, setOn] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const flip = () =>
    start(async () => {
      setError(null);
      const res = await fetch(`/api/v1/portfolio/${itemId}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ public: !on }) });
      if (!res.ok) return setError("Could not change the visibility. Try again.");
      setOn(!on);
      router.refresh();
    });
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={`Public: ${title}`}
        onClick={flip}
        disabled={pending}
        className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
      >
        <span aria-hidden className={`relative inline-block h-5 w-9 rounded-full transition-colors ${on ? "bg-green-600" : "bg-slate-300"}`}>
          <span className={`absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-all ${on ? "left-4" : "left-0.5"}`} />
        </span>
        {on ? "Public" : "Private"}
      </button>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
