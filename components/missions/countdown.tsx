"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { deadlineStatus, formatRemaining } from "@/lib/missions/deadlines";
import { cx } from "@/components/ui";

/** Countdown to the attempt's deadline, with warnings at 25% and 10% of the time left. The server enforces it. */
export function Countdown({ startedAt, deadlineAt }: { startedAt: string; deadlineAt: string }) {
  const router = useRouter();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const s = deadlineStatus(new Date(startedAt), new Date(deadlineAt), new Date(now ?? Date.parse(startedAt)));
  const expired = now !== null && s.warning === "expired";
  useEffect(() => {
    if (expired) router.refresh();
  }, [expired, router]);
  const tone = s.warning === "tenth" || s.warning === "expired" ? "border-red-300 bg-red-50 text-red-800" : s.warning === "quarter" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-slate-200 bg-white text-slate-800";
  return (
    <div className={cx("rounded-lg border px-3 py-2 text-sm", tone)}>
      <p className="flex flex-wrap items-baseline gap-x-3">
        <span>
          <span className="font-medium">Time left: </span>
          <span role="timer" aria-live="off" className="font-mono tabular-nums">{now === null ? "…" : formatRemaining(s.remainingMs ?? 0)}</span>
        </span>
        {/* The absolute deadline in the learner's own time zone (rendered in the browser). */}
        {now !== null && <span className="text-xs text-slate-600">Due {new Date(deadlineAt).toLocaleString([], { weekday: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" })}</span>}
      </p>
      {s.warning === "quarter" && <p role="status" className="mt-1 font-medium">25% of your time remains. Prioritise the required stages.</p>}
      {s.warning === "tenth" && <p role="alert" className="mt-1 font-semibold">Less than 10% of your time remains.</p>}
      {expired && <p role="alert" className="mt-1 font-semibold">Time is up.</p>}
    </div>
  );
}
