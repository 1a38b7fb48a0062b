import Link from "next/link";
import { ButtonLink, inputClass } from "@/components/ui";
import { FilterSelect, TierFilter, TrackFilter } from "@/components/ui/filter-select";
import { DATE_PRESET_DAYS, activePreset, presetFrom } from "@/lib/analytics/presets";
import { queryString } from "./analytics-tabs";

export interface FilterValues {
  track?: string;
  tier?: string;
  mission?: string;
  cohort?: string;
  from?: string;
  to?: string;
}

/**
 * Filters live in the URL: a plain GET form, so the page works without JavaScript, can be
 * bookmarked and shared, and the back button restores the previous view.
 */
export function FilterBar({
  action,
  values,
  missions,
  cohorts,
  show = ["track", "tier", "mission", "cohort", "from", "to"],
}: {
  action: string;
  values: FilterValues;
  missions: { code: string; title: string }[];
  cohorts: { slug: string; name: string; organisation: string }[];
  show?: (keyof FilterValues)[];
}) {
  return (
    <form method="get" action={action} className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label="Filters">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        {show.includes("track") && <TrackFilter value={values.track} />}
        {show.includes("tier") && <TierFilter value={values.tier} />}
        {show.includes("mission") && (
          <FilterSelect
            name="mission"
            label="Mission"
            anyLabel="All missions"
            value={values.mission}
            options={missions.map((m) => ({ value: m.code, label: `${m.code} — ${m.title}` }))}
            className="lg:col-span-2"
          />
        )}
        {show.includes("cohort") && (
          <FilterSelect
            name="cohort"
            label="Cohort"
            anyLabel="All cohorts"
            value={values.cohort}
            options={cohorts.map((c) => ({ value: c.slug, label: `${c.name} (${c.organisation})` }))}
            className="lg:col-span-2"
          />
        )}
        {show.includes("from") && (
          <div className="min-w-0 space-y-1">
            <label htmlFor="f-from" className="block text-sm font-medium text-slate-800">Started from</label>
            <input id="f-from" type="date" name="from" defaultValue={values.from ?? ""} className={inputClass} />
          </div>
        )}
        {show.includes("to") && (
          <div className="min-w-0 space-y-1">
            <label htmlFor="f-to" className="block text-sm font-medium text-slate-800">Started until</label>
            <input id="f-to" type="date" name="to" defaultValue={values.to ?? ""} className={inputClass} />
          </div>
        )}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4 lg:justify-end">
          <button type="submit" className="inline-flex min-h-10 items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Apply filters
          </button>
          <ButtonLink href={action} variant="secondary">Reset</ButtonLink>
        </div>
      </div>
      {show.includes("from") && <DatePresets action={action} values={values} />}
    </form>
  );
}

/** One-click date ranges ("Last 30 days"): links that keep the other filters and replace the dates. */
function DatePresets({ action, values }: { action: string; values: FilterValues }) {
  const active = activePreset(values);
  return (
    <nav aria-label="Date range presets" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">Quick ranges:</span>
      {DATE_PRESET_DAYS.map((days) => {
        const current = active === days;
        return (
          <Link
            key={days}
            href={`${action}?${queryString({ ...values, from: presetFrom(days), to: undefined })}`}
            aria-current={current ? "true" : undefined}
            className={`rounded-full border px-3 py-1 ${current ? "border-brand-600 bg-brand-50 font-medium text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
          >
            Last {days} days
          </Link>
        );
      })}
    </nav>
  );
}

/** searchParams → filter values (first value of each, strings only). */
export function filterValues(sp: Record<string, string | string[] | undefined>): FilterValues {
  const one = (k: string) => {
    const v = sp[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s ? s : undefined;
  };
  return { track: one("track"), tier: one("tier"), mission: one("mission"), cohort: one("cohort"), from: one("from"), to: one("to") };
}
