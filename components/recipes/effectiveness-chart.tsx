"use client";
import { Bar, BarChart, CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface EffectPoint {
  label: string;
  /** Percentage points, used − not used. */
  estimate: number;
  low: number;
  high: number;
}

/**
 * Pass-rate difference per recipe and mission with its 95% interval drawn as an error bar.
 * Decorative for screen readers: the table beside it carries the same figures.
 */
export function EffectivenessChart({ points }: { points: EffectPoint[] }) {
  const data = points.map((p) => ({ ...p, error: [p.estimate - p.low, p.high - p.estimate] as [number, number] }));
  const height = Math.max(160, 48 * data.length + 60);
  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[-100, 100]} ticks={[-100, -50, 0, 50, 100]} unit=" pts" label={{ value: "Pass-rate difference, used − not used (95% CI)", position: "insideBottom", offset: -14, fontSize: 12 }} fontSize={12} />
          <YAxis type="category" dataKey="label" width={170} fontSize={12} />
          <ReferenceLine x={0} stroke="#334155" />
          <Tooltip formatter={(v) => [`${v} pts`, "Difference"]} />
          <Bar dataKey="estimate" fill="#2f6fed" barSize={18} isAnimationActive={false}>
            <ErrorBar dataKey="error" direction="x" width={8} strokeWidth={2} stroke="#0f172a" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
