"use client";
import { useState } from "react";

export type CopyState = "idle" | "ok" | "failed";

/** Clipboard copy with a short-lived state to show and announce ("ok" / "failed", then back to "idle"). */
export function useCopy(resetMs = 2000): [CopyState, (text: string) => Promise<void>] {
  const [state, setState] = useState<CopyState>("idle");
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setState("ok");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), resetMs);
  };
  return [state, copy];
}
