import Link from "next/link";
import { cx } from "@/components/ui";

/** Sub-navigation between the analytics pages, keeping the current filters. */
export function AnalyticsTabs({ base, current, query }: { base: string; current: "performance" | "heatmap" | "paths" | "benchmarks" | "recipes"; query?: string }) {
  const tabs = [
    { key: "performance", label: "Mission performance", href: base },
    { key: "heatmap", label: "Heatmaps", href: `${base}/heatmap` },
    { key: "paths", label: "Paths, nudges and hints", href: `${base}/paths` },
    { key: "benchmarks", label: "Benchmarks", href: `${base}/benchmarks` },
    // Recipe usage and effectiveness has an admin page only.
    ...(base === "/admin/analytics" ? [{ key: "recipes", label: "Recipe usage", href: `${base}/recipes` } as const] : []),
  ] as const;
  return (
    <nav aria-label="Analytics views" className="mb-4 flex flex-wrap gap-2 border-b border-slate-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={`${t.href}${query && t.key !== "benchmarks" && t.key !== "recipes" ? `?${query}` : ""}`}
          aria-current={current === t.key ? "page" : undefined}
          className={cx(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
            current === t.key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export function queryString(values: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) p.set(k, v);
  return p.toString();
}
