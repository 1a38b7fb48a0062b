import type { ReactNode } from "react";
import { Card, cx } from "@/components/ui";

/** A dashboard section: heading, optional chart, and the same numbers as a table. */
export function Section({ title, description, children, className, id }: { title: string; description?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  const hid = id ?? `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <Card className={cx("min-w-0", className)}>
      <section aria-labelledby={hid}>
        <h2 id={hid} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
        <div className="mt-4 space-y-4">{children}</div>
      </section>
    </Card>
  );
}

export function DataTable({ caption, head, rows, numeric = [] }: { caption: string; head: string[]; rows: ReactNode[][]; numeric?: number[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[20rem] border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
            {head.map((h, i) => (
              <th key={h} scope="col" className={cx("px-2 py-2 font-medium", numeric.includes(i) && "text-right")}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-slate-100 last:border-0">
              {r.map((c, j) => (
                <td key={j} className={cx("px-2 py-2 align-top text-slate-800", numeric.includes(j) && "text-right tabular-nums")}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table behind a chart, folded away by default (keyboard-operable <details>). */
export function TableToggle({ children, label = "Show the numbers as a table" }: { children: ReactNode; label?: string }) {
  return (
    <details className="group rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{label}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

export function NoData({ children = "No attempts match these filters yet." }: { children?: ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center text-sm text-slate-600">{children}</p>;
}
