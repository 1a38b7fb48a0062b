"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui";

interface Item {
  mission: { id: string; code: string; title: string };
  double_marking_percent: number;
  threshold_points: number;
  first_marks: number;
}

function Row({ item }: { item: Item }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [percent, setPercent] = useState(String(item.double_marking_percent));
  const [threshold, setThreshold] = useState(String(item.threshold_points));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `dm-${item.mission.code}`;
  function save(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await fetch(`/api/v1/reviews/double-marking/${item.mission.code}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ double_marking_percent: Number(percent), threshold_points: Number(threshold) }),
      });
      const j = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
      if (res.ok) {
        setMsg({ ok: true, text: "Saved" });
        router.refresh();
      } else setMsg({ ok: false, text: Object.values(j?.error?.fields ?? {})[0] ?? j?.error?.message ?? "Not saved" });
    });
  }
  return (
    <form onSubmit={save} className="grid items-end gap-2 border-b border-slate-100 py-2 text-sm sm:grid-cols-[1fr_8rem_8rem_9rem]" aria-label={`Double-marking of ${item.mission.code}`}>
      <span>
        <span className="font-mono text-xs">{item.mission.code}</span> {item.mission.title}
        <span className="block text-xs text-slate-500">{item.first_marks} first marks counted</span>
      </span>
      <label htmlFor={`${id}-p`} className="block">
        <span className="text-xs text-slate-600">Rate (%)</span>
        <input id={`${id}-p`} type="number" min={0} max={100} step={1} value={percent} onChange={(e) => setPercent(e.target.value)} className="block w-full rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <label htmlFor={`${id}-t`} className="block">
        <span className="text-xs text-slate-600">Threshold (points)</span>
        <input id={`${id}-t`} type="number" min={0} max={100} step={0.5} value={threshold} onChange={(e) => setThreshold(e.target.value)} className="block w-full rounded-md border border-slate-300 px-2 py-1" />
      </label>
      <span className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save
        </Button>
        {msg && (
          <span role="status" className={msg.ok ? "text-green-800" : "text-red-800"}>
            {msg.text}
          </span>
        )}
      </span>
    </form>
  );
}

export function DoubleMarkingSettings({ items }: { items: Item[] }) {
  return (
    <div className="mt-3">
      {items.map((i) => (
        <Row key={i.mission.id} item={i} />
      ))}
    </div>
  );
}
