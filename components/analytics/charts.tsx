"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

// Client leaves: recharts needs the browser. Every chart here sits next to a table with the same
// numbers (components/analytics/*), so it is decoration for sighted users, not the only source.

const BRAND = "#1f58d0";
const PALETTE = ["#1f58d0", "#0f9d76", "#d97706", "#9333ea", "#dc2626", "#0891b2"];

export function FunnelChart({ steps }: { steps: { label: string; count: number; overall: number }[] }) {
  const data = steps.map((s) => ({ name: s.label.length > 34 ? `${s.label.slice(0, 33)}…` : s.label, count: s.count, pct: Math.round(s.overall * 100) }));
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 48, top: 4, bottom: 4 }}>
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => [v, "attempts"]} />
          <Bar dataKey="count" fill={BRAND} radius={[0, 4, 4, 0]} isAnimationActive={false}>
            <LabelList dataKey="pct" position="right" formatter={(v) => `${v}%`} style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ColumnChart({ data, unit, color = BRAND }: { data: { name: string; value: number }[]; unit?: string; color?: string }) {
  return (
    <div aria-hidden="true" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ left: 0, right: 8, top: 8, bottom: 4 }}>
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={data.length > 8 ? -30 : 0} textAnchor={data.length > 8 ? "end" : "middle"} height={data.length > 8 ? 56 : 28} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <Tooltip formatter={(v) => [`${v}${unit ? ` ${unit}` : ""}`, ""]} />
          <Bar dataKey="value" fill={color} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** 100% stacked bars: one bar per decision point, one segment per choice (its share). */
export function DecisionChart({ points }: { points: { name: string; choices: { label: string; share: number; ideal: boolean }[] }[] }) {
  const labels = [...new Set(points.flatMap((p) => p.choices.map((c) => c.label)))];
  const data = points.map((p) => ({ name: p.name, ...Object.fromEntries(p.choices.map((c) => [c.label, Math.round(c.share * 1000) / 10])) }));
  return (
    <div aria-hidden="true" className="w-full" style={{ height: Math.max(140, points.length * 56 + 70) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" stackOffset="expand" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
          <XAxis type="number" tickFormatter={(v) => `${Math.round(Number(v) * 100)}%`} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={140} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, n) => [`${v}%`, n]} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {labels.map((l, i) => (
            <Bar key={l} dataKey={l} stackId="s" fill={PALETTE[i % PALETTE.length]} isAnimationActive={false}>
              {data.map((_, j) => (
                <Cell key={j} />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
