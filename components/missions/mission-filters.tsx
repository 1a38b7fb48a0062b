import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { inputClass } from "@/components/ui";
import type { CatalogueFilters } from "@/lib/db/queries/catalogue";
import { titleCase } from "./format";

const STATUS_OPTIONS = [
  ["", "Any status"],
  ["available", "Available to start"],
  ["assigned", "Assigned to me"],
  ["in_progress", "In progress"],
  ["submitted", "Submitted"],
  ["changes_requested", "Changes requested"],
  ["approved", "Approved"],
  ["locked", "Locked"],
] as const;

/** Search and filters as a plain GET form: every filter lives in the URL. */
export function MissionFilters({ action, filters, showStatus = true }: { action: string; filters: CatalogueFilters; showStatus?: boolean }) {
  return (
    <form method="get" action={action} role="search" aria-label="Search missions" className="mb-6 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
      <div className="space-y-1">
        <label htmlFor="f-q" className="block text-sm font-medium text-slate-800">Search</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Title, code or skill" maxLength={100} className={inputClass} />
      </div>
      <div className="space-y-1">
        <label htmlFor="f-track" className="block text-sm font-medium text-slate-800">Track</label>
        <select id="f-track" name="track" defaultValue={filters.track ?? ""} className={inputClass}>
          <option value="">All tracks</option>
          {TRACKS.map((t) => <option key={t} value={t}>{titleCase(t)}</option>)}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="f-tier" className="block text-sm font-medium text-slate-800">Tier</label>
        <select id="f-tier" name="tier" defaultValue={filters.tier ?? ""} className={inputClass}>
          <option value="">All tiers</option>
          {TIERS.map((t) => <option key={t} value={t}>{titleCase(t)}</option>)}
        </select>
      </div>
      {showStatus && (
        <div className="space-y-1">
          <label htmlFor="f-status" className="block text-sm font-medium text-slate-800">Status</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            {STATUS_OPTIONS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </div>
      )}
      <div className="flex gap-2">
        <button type="submit" className="min-h-10 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
        <a href={action} className="inline-flex min-h-10 items-center rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">Reset</a>
      </div>
    </form>
  );
}
