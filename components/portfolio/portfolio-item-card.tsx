import type { ReactNode } from "react";
import { Badge, Card } from "@/components/ui";
import { formatBytes } from "@/components/review/format";
import { tierLabel, trackLabel } from "@/lib/labels";

export interface PortfolioItemView {
  mission: { code: string; title: string; track: string; tier: string };
  score: number;
  rubric_summary: { criterion: string; level: string; points: number; max: number }[];
  reflection: string;
  evidence: { name: string; sha256: string; size: number }[];
  completed_at: string;
}

/** One portfolio item; the same card on the private and the public page (nothing private in it). */
export function PortfolioItemCard({ item, actions, headingLevel = 2 }: { item: PortfolioItemView; actions?: ReactNode; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <H className="text-lg font-semibold">
            <span className="font-mono text-sm text-slate-600">{item.mission.code}</span> {item.mission.title}
          </H>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <Badge tone="blue">{trackLabel(item.mission.track)}</Badge>
            <Badge tone="purple">{tierLabel(item.mission.tier)}</Badge>
            <span>completed {item.completed_at.slice(0, 10)}</span>
          </p>
        </div>
        <div className="flex items-center gap-4">
          <p className="sm:text-right">
            <span className="block text-xs uppercase tracking-wide text-slate-500">Score</span>
            <span className="text-2xl font-semibold tabular-nums">{item.score.toFixed(1)}</span>
          </p>
          {actions}
        </div>
      </div>
      {item.rubric_summary.length > 0 && (
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Rubric summary</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2">Criterion</th>
                <th scope="col" className="py-1 pr-2">Level</th>
                <th scope="col" className="py-1">Points</th>
              </tr>
            </thead>
            <tbody>
              {item.rubric_summary.map((r) => (
                <tr key={r.criterion} className="border-t border-slate-200">
                  <td className="py-1 pr-2">{r.criterion}</td>
                  <td className="py-1 pr-2">{r.level}</td>
                  <td className="py-1 tabular-nums">{r.points}/{r.max}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {item.reflection && (
        <div className="mt-4">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Reflection</p>
          <p className="mt-1 whitespace-pre-wrap text-sm text-slate-800">{item.reflection}</p>
        </div>
      )}
      <div className="mt-4">
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Evidence</p>
        {item.evidence.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No files.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {item.evidence.map((e) => (
              <li key={e.sha256 + e.name} className="break-all">
                {e.name} <span className="text-xs text-slate-500">({formatBytes(e.size)})</span>
                <code className="block text-xs text-slate-500">SHA-256 {e.sha256}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
