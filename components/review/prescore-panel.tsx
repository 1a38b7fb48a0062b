import type { Prescore } from "@/lib/missions/prescore";
import { Badge, Card } from "@/components/ui";

const RULE: Record<string, string> = { evidence: "Evidence", answer: "Answer", notes: "Notes", reflection: "Reflection", objectives: "Objectives" };
const TONE = { pass: "green", partial: "amber", fail: "red", "n/a": "slate" } as const;

/** The automated pre-score with every reason, as a suggestion for the mentor. */
export function PrescorePanel({ prescore, stageTitles }: { prescore: Prescore; stageTitles: Record<string, string> }) {
  const items = prescore.items.filter((i) => i.verdict !== "n/a" || i.rule !== "evidence");
  return (
    <Card>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">Automated pre-score</h2>
        <p className="text-sm">
          <span className="text-2xl font-semibold tabular-nums">{prescore.score.toFixed(1)}</span>
          <span className="text-slate-500"> / 100</span>
        </p>
      </div>
      <p className="mt-1 text-xs text-slate-600">
        Deterministic checks of evidence, answers, notes, reflection length and objective coverage. A suggestion only: your rubric decides the score.
      </p>
      {items.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No checks recorded for this submission.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">Pre-score checks and their reasons</caption>
            <thead className="text-xs text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-2">Check</th>
                <th scope="col" className="py-1 pr-2">Result</th>
                <th scope="col" className="py-1 pr-2">Points</th>
                <th scope="col" className="py-1">Reason</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i, n) => (
                <tr key={n} className="border-t border-slate-200 align-top">
                  <td className="py-1.5 pr-2">
                    {RULE[i.rule] ?? i.rule}
                    {i.stage && <span className="block text-xs text-slate-500">{stageTitles[i.stage] ?? i.stage}</span>}
                  </td>
                  <td className="py-1.5 pr-2">
                    <Badge tone={TONE[i.verdict]}>{i.verdict}</Badge>
                  </td>
                  <td className="py-1.5 pr-2 tabular-nums">{i.max > 0 ? `${i.points}/${i.max}` : "—"}</td>
                  <td className="py-1.5 text-slate-700">{i.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
