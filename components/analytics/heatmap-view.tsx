import { Alert } from "@/components/ui";
import { AppError } from "@/lib/errors";
import type { Caller } from "@/lib/auth/session";
import { scopeFor } from "@/lib/analytics/api";
import { AsOf } from "./as-of";
import { analyticsFilterSchema } from "@/lib/api/contracts/analytics";
import { heatmap } from "@/lib/analytics/heatmap";
import { pct } from "@/lib/analytics/math";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { NoData, Section } from "./parts";
import type { FilterValues } from "./filter-bar";
import { tierLabel, trackLabel } from "@/lib/labels";

/** Cell colour by rate: pale (low) to deep blue (high); text stays readable (AA) on every shade. */
function shade(r: number | null) {
  if (r === null) return { background: "#f8fafc", color: "#64748b" };
  const steps = ["#eff6ff", "#dbeafe", "#bfdbfe", "#93c5fd", "#60a5fa", "#2563eb", "#1d4ed8", "#1e3a8a"];
  const i = Math.min(steps.length - 1, Math.floor(r * steps.length));
  return { background: steps[i], color: i >= 5 ? "#ffffff" : "#0f172a" };
}

export async function HeatmapView({ caller, values }: { caller: Caller; values: FilterValues }) {
  const parsed = analyticsFilterSchema.safeParse(values);
  if (!parsed.success) return <Alert tone="red" title="Some filters are not valid">{parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}</Alert>;
  let data;
  try {
    data = await heatmap(await scopeFor(caller, parsed.data));
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") return <Alert tone="amber" title="Nothing to show">{e.message}</Alert>;
    throw e;
  }
  return (
    <div className="space-y-6">
      <AsOf at={data.as_of} />
      <Section title="Completion by track and tier" description="Share of attempts submitted, per cell; the number of attempts below it. Empty cells have no attempts.">
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] border-separate border-spacing-1 text-sm">
            <caption className="sr-only">Completion rate by track (rows) and tier (columns)</caption>
            <thead>
              <tr>
                <th scope="col" className="px-2 py-1 text-left text-xs font-medium uppercase text-slate-500">Track</th>
                {TIERS.map((t) => (
                  <th key={t} scope="col" className="px-2 py-1 text-center text-xs font-medium uppercase text-slate-500">{tierLabel(t)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {TRACKS.map((track) => (
                <tr key={track}>
                  <th scope="row" className="px-2 py-1 text-left font-medium text-slate-800">{trackLabel(track)}</th>
                  {TIERS.map((tier) => {
                    const c = data.track_tier.find((x) => x.track === track && x.tier === tier)!;
                    return (
                      <td key={tier} className="rounded-md px-2 py-3 text-center" style={shade(c.completion_rate)}>
                        <span className="block text-base font-semibold">{c.completion_rate === null ? "—" : pct(c.completion_rate)}</span>
                        <span className="block text-xs opacity-90">{c.attempts} {c.attempts === 1 ? "attempt" : "attempts"}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="Completion by mission and stage" description="Share of each mission's attempts that completed the stage (the 25 missions with the most attempts). Branches explain gaps: not every path visits every stage.">
        {data.mission_stage.length === 0 ? (
          <NoData />
        ) : (
          <div className="space-y-3">
            {data.mission_stage.map((m) => (
              <div key={m.mission_id} className="overflow-x-auto">
                <table className="w-full border-separate border-spacing-1 text-sm">
                  <caption className="px-1 text-left font-medium text-slate-900">
                    {m.mission} — {m.title} <span className="font-normal text-slate-500">({m.attempts} {m.attempts === 1 ? "attempt" : "attempts"})</span>
                  </caption>
                  <tbody>
                    <tr>
                      {m.stages.map((s) => (
                        <td key={s.stage} className="min-w-24 rounded-md px-2 py-2 text-center" style={shade(s.completion_rate)}>
                          <span className="block truncate text-xs" title={s.title}>{s.position + 1}. {s.title}</span>
                          <span className="block font-semibold">{pct(s.completion_rate)}</span>
                          <span className="sr-only">{s.completed} of {m.attempts} attempts completed this stage</span>
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            ))}
          </div>
        )}
      </Section>
    </div>
  );
}
