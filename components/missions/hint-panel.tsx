"use client";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui";
import { api, ApiError } from "./api-client";

/** `text` of an unlocked hint arrives rendered (inline markdown, by the server page). */
type Hint = { level: number; penalty: number; unlocked: boolean; text?: ReactNode };

/** Hints of a stage: unlocked ones with text; the next one shows its penalty before unlocking. */
export function HintPanel({ code, stage, hints, disabled }: { code: string; stage: string; hints: Hint[]; disabled?: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = hints.find((h) => !h.unlocked);
  const spent = hints.filter((h) => h.unlocked).reduce((s, h) => s + h.penalty, 0);
  if (hints.length === 0) return <p className="text-sm text-slate-600">This stage has no hints.</p>;
  return (
    <div>
      <ol className="space-y-2">
        {hints.map((h) => (
          <li key={h.level} className="rounded-md border border-slate-200 p-3 text-sm">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Hint {h.level} · −{h.penalty} point{h.penalty === 1 ? "" : "s"}</p>
            {h.unlocked ? <p className="mt-1 whitespace-pre-line text-slate-800">{h.text}</p> : <p className="mt-1 text-slate-500">{h === next ? "Locked." : `Locked — unlock hint ${h.level - 1} first.`}</p>}
          </li>
        ))}
      </ol>
      {next && !disabled && (
        <Button
          type="button"
          variant="secondary"
          className="mt-3 w-full"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(null);
            try {
              await api(`/missions/${code}/hints/${stage}/unlock`, { method: "POST", body: { level: next.level } });
              router.refresh();
            } catch (e) {
              setError(e instanceof ApiError ? e.message : "Could not unlock the hint.");
            } finally {
              setPending(false);
            }
          }}
        >
          {pending ? "Unlocking…" : `Unlock hint ${next.level} (−${next.penalty} point${next.penalty === 1 ? "" : "s"})`}
        </Button>
      )}
      <p className="mt-2 text-xs text-slate-500">Hint penalty on this stage: {spent} point{spent === 1 ? "" : "s"}.</p>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
