"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert, Button } from "@/components/ui";
import { api, ApiError } from "./api-client";

export function SubmitPanel({ code, ready }: { code: string; ready: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [missing, setMissing] = useState<{ message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        type="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          setMissing([]);
          try {
            await api(`/missions/${code}/submit`, { method: "POST" });
            router.push(`/missions/${code}/complete`);
          } catch (e) {
            if (e instanceof ApiError) {
              setError(e.message);
              setMissing((e.body.missing as { message: string }[]) ?? []);
            } else setError("Could not submit.");
            setPending(false);
          }
        }}
      >
        {pending ? "Submitting…" : ready ? "Submit for review" : "Try to submit"}
      </Button>
      {error && (
        <Alert tone="red" className="mt-3" title={error}>
          {missing.length > 0 && <ul className="mt-1 list-disc pl-5">{missing.map((m) => <li key={m.message}>{m.message}</li>)}</ul>}
        </Alert>
      )}
    </div>
  );
}
