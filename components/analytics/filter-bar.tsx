import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { ButtonLink, inputClass } from "@/components/ui";

export interface FilterValues {
  track?: string;
  tier?: string;
  mission?: string;
  cohort?: string;
  from?: string;
  to?: string;
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

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
  const sel = "min-w-0";
  return (
    <form method="get" action={action} className="mb-6 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-label="Filters">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        {show.includes("track") && (
          <div className={sel}>
            <label htmlFor="f-track" className="block text-xs font-medium text-slate-700">Track</label>
            <select id="f-track" name="track" defaultValue={values.track ?? ""} className={inputClass}>
              <option value="">All tracks</option>
              {TRACKS.map((t) => (
                <option key={t} value={t}>{cap(t)}</option>
              ))}
            </select>
          </div>
        )}
        {show.includes("tier") && (
          <div className={sel}>
            <label htmlFor="f-tier" className="block text-xs font-medium text-slate-700">Tier</label>
            <select id="f-tier" name="tier" defaultValue={values.tier ?? ""} className={inputClass}>
              <option value="">All tiers</option>
              {TIERS.map((t) => (
                <option key={t} value={t}>{cap(t)}</option>
              ))}
            </select>
          </div>
        )}
        {show.includes("mission") && (
          <div className={`${sel} lg:col-span-2`}>
            <label htmlFor="f-mission" className="block text-xs font-medium text-slate-700">Mission</label>
            <select id="f-mission" name="mission" defaultValue={values.mission ?? ""} className={inputClass}>
              <option value="">All missions</option>
              {missions.map((m) => (
                <option key={m.code} value={m.code}>{m.code} — {m.title}</option>
              ))}
            </select>
          </div>
        )}
        {show.includes("cohort") && (
          <div className={`${sel} lg:col-span-2`}>
            <label htmlFor="f-cohort" className="block text-xs font-medium text-slate-700">Cohort</label>
            <select id="f-cohort" name="cohort" defaultValue={values.cohort ?? ""} className={inputClass}>
              <option value="">All cohorts</option>
              {cohorts.map((c) => (
                <option key={c.slug} value={c.slug}>{c.name} ({c.organisation})</option>
              ))}
            </select>
          </div>
        )}
        {show.includes("from") && (
          <div className={sel}>
            <label htmlFor="f-from" className="block text-xs font-medium text-slate-700">Started from</label>
            <input id="f-from" type="date" name="from" defaultValue={values.from ?? ""} className={inputClass} />
          </div>
        )}
        {show.includes("to") && (
          <div className={sel}>
            <label htmlFor="f-to" className="block text-xs font-medium text-slate-700">Started until</label>
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
    </form>
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
