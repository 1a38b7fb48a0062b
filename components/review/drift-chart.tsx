import type { CalibrationReport } from "@/lib/reviews/calibration";

// A small server-rendered line chart (no client JavaScript) of each mentor's weekly mean difference
// from the final score; the table beside it carries the same figures.

const COLORS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563"];

export function DriftChart({ mentors }: { mentors: CalibrationReport["mentors"] }) {
  const weeks = [...new Set(mentors.flatMap((m) => m.weeks.map((w) => w.week)))].sort();
  if (weeks.length === 0) return null;
  const max = Math.max(5, ...mentors.flatMap((m) => m.weeks.map((w) => Math.abs(w.mean_difference))));
  const W = 640;
  const H = 200;
  const pad = { l: 40, r: 12, t: 10, b: 28 };
  const x = (i: number) => pad.l + (weeks.length === 1 ? (W - pad.l - pad.r) / 2 : (i * (W - pad.l - pad.r)) / (weeks.length - 1));
  const y = (v: number) => pad.t + ((max - v) * (H - pad.t - pad.b)) / (2 * max);
  const shown = mentors.slice(0, COLORS.length);
  return (
    <figure className="mt-4">
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-2xl" role="img" aria-label="Weekly mean difference from the final score per mentor; the table below gives the figures">
        <line x1={pad.l} x2={W - pad.r} y1={y(0)} y2={y(0)} stroke="#94a3b8" strokeDasharray="4 3" />
        <text x={4} y={y(max) + 4} fontSize="10" fill="#64748b">+{Math.round(max)}</text>
        <text x={4} y={y(0) + 4} fontSize="10" fill="#64748b">0</text>
        <text x={4} y={y(-max) + 4} fontSize="10" fill="#64748b">−{Math.round(max)}</text>
        {weeks.map((w, i) => (
          <text key={w} x={x(i)} y={H - 8} fontSize="10" fill="#64748b" textAnchor="middle">
            {w.slice(5)}
          </text>
        ))}
        {shown.map((m, k) => {
          const pts = m.weeks.map((w) => [x(weeks.indexOf(w.week)), y(w.mean_difference)] as const);
          return (
            <g key={m.mentor.id}>
              <polyline points={pts.map(([a, b]) => `${a},${b}`).join(" ")} fill="none" stroke={COLORS[k]} strokeWidth={2} />
              {pts.map(([a, b], i) => (
                <circle key={i} cx={a} cy={b} r={3} fill={COLORS[k]} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-3 text-xs text-slate-700">
        {shown.map((m, k) => (
          <span key={m.mentor.id} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-2 w-4 rounded" style={{ background: COLORS[k] }} />
            {m.mentor.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
