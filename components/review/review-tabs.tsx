import Link from "next/link";
import { cx } from "@/components/ui";

/** Between the review queue and the mentor dashboard. */
export function ReviewTabs({ current }: { current: "queue" | "dashboard" }) {
  const tabs = [
    { key: "queue", label: "Queue", href: "/review" },
    { key: "dashboard", label: "Dashboard", href: "/review/dashboard" },
  ] as const;
  return (
    <nav aria-label="Reviewing" className="mb-4 flex gap-2 border-b border-slate-200">
      {tabs.map((t) => (
        <Link key={t.key} href={t.href} aria-current={current === t.key ? "page" : undefined} className={cx("-mb-px border-b-2 px-3 py-2 text-sm font-medium", current === t.key ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
