"use client";

import { useSyncExternalStore } from "react";
import Link from "next/link";
import { useCopy } from "@/components/ui/use-copy";

const noSubscribe = () => () => {};

/**
 * The learner's public portfolio address: a link to it, the full URL in a read-only field (selected on
 * focus, so it can be copied by hand) and a copy button that says so to screen readers.
 */
export function ShareLink({ path, label }: { path: string; label: string }) {
  // The origin is the browser's; the server renders the path until hydration.
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const url = `${origin}${path}`;
  const [copied, copyText] = useCopy(2500);
  return (
    <div className="space-y-2">
      <Link href={path} className="font-medium text-brand-700 underline">
        {label}
      </Link>
      <div className="flex flex-wrap gap-2">
        <label htmlFor="public-portfolio-url" className="sr-only">
          Address of your public portfolio page
        </label>
        <input
          id="public-portfolio-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900"
        />
        <button
          type="button"
          onClick={() => copyText(url)}
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50"
        >
          {copied === "ok" ? "Copied" : "Copy link"}
        </button>
      </div>
      <p role="status" aria-live="polite" className="text-xs text-slate-600">
        {copied === "ok" ? "Link copied to the clipboard." : copied === "failed" ? "Could not copy: select the address and copy it yourself." : ""}
      </p>
    </div>
  );
}
