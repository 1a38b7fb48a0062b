"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui";
import { api, ApiError } from "./api-client";

/** Start (or resume) a mission, then open the stage player. */
export function StartButton({ code, label = "Start mission" }: { code: string; label?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          try {
            await api(`/missions/${code}/start`, { method: "POST" });
            router.push(`/missions/${code}/play`);
          } catch (e) {
            setError(e instanceof ApiError ? e.message : "Could not start the mission.");
            setPending(false);
          }
        }}
      >
        {pending ? "Starting…" : label}
      </Button>
      {error && <p role="alert" className="mt-2 text-sm text-red-700">{error}</p>}
    </div>
  );
}
