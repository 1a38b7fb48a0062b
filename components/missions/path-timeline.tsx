import Link from "next/link";
import type { MissionDetail } from "@/lib/catalogue/detail";
import { cx } from "@/components/ui";

/**
 * The learner's path so far as a vertical timeline: stages reached, the decisions taken between
 * them, and a marker for what is still hidden behind a decision.
 */
export function PathTimeline({ detail, decisions, activeStage, linkStages = false }: {
  detail: MissionDetail;
  decisions?: { key: string; after_stage: string; chosen: { label: string; consequence?: string } | null }[];
  activeStage?: string | null;
  linkStages?: boolean;
}) {
  const p = detail.progress;
  const path = p?.path ?? [detail.stages[0]?.key].filter(Boolean);
  const completed = new Set(p?.completed_stages ?? []);
  const byKey = new Map(detail.stages.map((s) => [s.key, s]));
  const hidden = detail.stages.length - path.length;
  return (
    <ol className="relative space-y-0" aria-label="Your path so far">
      {path.map((key, i) => {
        const s = byKey.get(key);
        if (!s) return null;
        const done = completed.has(key);
        const current = key === (activeStage ?? p?.current_stage);
        const decision = decisions?.find((d) => d.after_stage === key) ?? (s.has_decision ? { key: "", after_stage: key, chosen: null } : undefined);
        const label = `${i + 1}. ${s.title}`;
        return (
          <li key={key} className="relative pb-4 pl-8 last:pb-0">
            <span aria-hidden="true" className="absolute left-[11px] top-6 h-full w-0.5 bg-slate-200" />
            <span
              aria-hidden="true"
              className={cx(
                "absolute left-0 top-0.5 flex h-6 w-6 items-center justify-center rounded-full border-2 text-xs font-bold",
                done ? "border-green-600 bg-green-600 text-white" : current ? "border-brand-600 bg-white text-brand-700" : "border-slate-300 bg-white text-slate-500",
              )}
            >
              {done ? "✓" : i + 1}
            </span>
            <div className={cx("text-sm", current ? "font-semibold text-slate-900" : "text-slate-800")}>
              {linkStages ? (
                <Link href={`/missions/${detail.code}/play?stage=${key}`} aria-current={current ? "step" : undefined} className="hover:underline">
                  {label}
                </Link>
              ) : (
                <span aria-current={current ? "step" : undefined}>{label}</span>
              )}
              <span className="sr-only">{done ? " (completed)" : current ? " (current)" : ""}</span>
            </div>
            {decision && decision.chosen?.consequence && key !== activeStage ? (
              // Past consequences stay readable from the path view (the active stage's decision panel shows its own).
              <details className="mt-1 text-xs text-slate-600">
                <summary className="cursor-pointer">
                  <span aria-hidden="true">◆ </span>Decision: <span className="font-medium text-slate-800">{decision.chosen.label}</span>
                </summary>
                <p className="mt-1 whitespace-pre-line rounded bg-slate-50 p-2 text-slate-700">{decision.chosen.consequence}</p>
              </details>
            ) : decision ? (
              <p className="mt-1 text-xs text-slate-600">
                <span aria-hidden="true">◆ </span>
                {decision.chosen ? <>Decision: <span className="font-medium text-slate-800">{decision.chosen.label}</span></> : "Decision ahead"}
              </p>
            ) : null}
          </li>
        );
      })}
      {(!p || p.current_stage !== null || !p.finished_path) && hidden > 0 && (
        <li className="relative pl-8 text-xs text-slate-500">
          <span aria-hidden="true" className="absolute left-0 top-0 flex h-6 w-6 items-center justify-center rounded-full border-2 border-dashed border-slate-300 bg-white">?</span>
          <span className="leading-6">Further stages are revealed by your decisions.</span>
        </li>
      )}
      {p?.finished_path && (
        <li className="relative pl-8 text-sm font-medium text-green-700">
          <span aria-hidden="true" className="absolute left-0 top-0 flex h-6 w-6 items-center justify-center rounded-full bg-green-100"><span className="h-2.5 w-2.5 rounded-full bg-green-600" /></span>
          <span className="leading-6">End of your path</span>
        </li>
      )}
    </ol>
  );
}
