"use client";
import { useCopy } from "@/components/ui/use-copy";

/** Copies a command to the clipboard and says so to screen readers. */
export function CopyButton({ text, label = "Copy command" }: { text: string; label?: string }) {
  const [copied, copy] = useCopy();
  return (
    <>
      <button
        type="button"
        onClick={() => copy(text)}
        className="rounded border border-slate-600 px-2 py-1 text-xs font-medium text-slate-100 hover:bg-slate-700"
      >
        {copied === "ok" ? "Copied" : copied === "failed" ? "Copy failed" : label}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {copied === "ok" ? "Command copied to the clipboard" : copied === "failed" ? "Could not copy; select the command instead" : ""}
      </span>
    </>
  );
}
