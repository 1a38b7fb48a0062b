"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { track } from "@/lib/telemetry/tracker";
import { Button } from "@/components/ui";
import { api } from "./api-client";

type Nudge =
  | { kind: "recipe"; stage: string; reason: string; recipe: { slug: string; title: string; estimated_minutes: number; why: string | null } }
  | { kind: "hint"; stage: string; reason: string; hint: { level: number; penalty: number } };

/** How often the player asks the server whether the learner looks stuck (the server decides, SPEC §7). */
const POLL_MS = 60_000;

/**
 * The one nudge the server offers a learner stuck at this stage: the best recipe they have not
 * opened, else the next hint, with the reason in words. Shown, opened and dismissed are telemetry.
 */
export function NudgeCard({ code, missionId, progressId, stage }: { code: string; missionId: string; progressId: string; stage: string }) {
  const [nudge, setNudge] = useState<Nudge | null>(null);
  const [gone, setGone] = useState(false);
  const shown = useRef<string | null>(null);
  const ctx = { mission: missionId, progress: progressId, stage };

  useEffect(() => {
    let live = true;
    const ask = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const p = await api<{ nudge: Nudge | null }>(`/missions/${code}/progress`);
        if (live) setNudge(p.nudge && p.nudge.stage === stage ? p.nudge : null);
      } catch {
        // A nudge is a courtesy: a failed poll shows nothing and tries again later.
      }
    };
    void ask();
    const t = setInterval(ask, POLL_MS);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [code, stage]);

  useEffect(() => {
    if (nudge && shown.current !== `${stage}:${nudge.kind}`) {
      shown.current = `${stage}:${nudge.kind}`;
      track("nudge.shown", { ...ctx, payload: { kind: nudge.kind } });
    }
  });

  if (!nudge || gone) return null;
  const dismiss = () => {
    track("nudge.dismissed", { ...ctx, payload: { kind: nudge.kind } });
    setGone(true);
  };
  const opened = () => track("nudge.opened", { ...ctx, payload: { kind: nudge.kind, ...(nudge.kind === "recipe" ? { recipe: nudge.recipe.slug } : { level: nudge.hint.level }) } });
  return (
    <aside aria-label="A suggestion to get unstuck" className="rounded-xl border-2 border-violet-200 bg-violet-50 p-4">
      <h2 className="text-sm font-semibold text-violet-950">Stuck? Here is one thing to try</h2>
      <p className="mt-1 text-sm text-slate-700">{nudge.reason}</p>
      {nudge.kind === "recipe" ? (
        <p className="mt-2 text-sm text-slate-800">
          Recipe: <strong>{nudge.recipe.title}</strong> ({nudge.recipe.estimated_minutes} min){nudge.recipe.why ? <span className="block text-xs text-slate-600">{nudge.recipe.why}</span> : null}
        </p>
      ) : (
        <p className="mt-2 text-sm text-slate-800">Hint {nudge.hint.level} is available in the Hints panel ({nudge.hint.penalty ? `−${nudge.hint.penalty} points` : "no penalty"}).</p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {nudge.kind === "recipe" ? (
          <Link href={`/recipes/${nudge.recipe.slug}?mission=${code}&stage=${stage}`} onClick={opened} className="inline-flex items-center rounded-lg bg-violet-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-violet-700">
            Open the recipe
          </Link>
        ) : (
          <a href="#hints" onClick={opened} className="inline-flex items-center rounded-lg bg-violet-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-800">
            Go to the hints
          </a>
        )}
        <Button type="button" variant="secondary" onClick={dismiss}>Not now</Button>
      </div>
    </aside>
  );
}
