// Time per stage (SPEC §3 "Mission progress"): from when the learner enters a stage until they
// leave it, summed over visits, from `stage.entered` / `stage.left` telemetry events.

export interface StageEvent {
  type: "stage.entered" | "stage.left" | string;
  stageKey: string | null;
  occurredAt: Date;
}

/**
 * Seconds spent per stage. Events are sorted by time first; an `entered` without a `left` is
 * closed by the next `entered` of any stage (the learner moved on) or left open (not counted);
 * duplicate `entered` events for a stage already open are ignored; a `left` with no open visit is ignored.
 */
export function timePerStage(events: StageEvent[]): Record<string, number> {
  const sorted = [...events].filter((e) => e.stageKey).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const out: Record<string, number> = {};
  let open: { stage: string; at: number } | null = null;
  const close = (at: number) => {
    if (!open) return;
    out[open.stage] = (out[open.stage] ?? 0) + Math.max(0, (at - open.at) / 1000);
    open = null;
  };
  for (const e of sorted) {
    const at = e.occurredAt.getTime();
    if (e.type === "stage.entered") {
      if (open && open.stage === e.stageKey) continue;
      close(at);
      open = { stage: e.stageKey!, at };
    } else if (e.type === "stage.left") {
      if (open && open.stage === e.stageKey) close(at);
    }
  }
  for (const k of Object.keys(out)) out[k] = Math.round(out[k]);
  return out;
}

/** "1 h 05 min", "12 min", "40 s". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return `${h} h ${String(m % 60).padStart(2, "0")} min`;
}
