import { inputClass } from "@/components/ui";
import { FilterSelect, TierFilter, TrackFilter } from "@/components/ui/filter-select";
import type { CatalogueFilters } from "@/lib/catalogue/list";

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  { value: "available", label: "Available to start" },
  { value: "assigned", label: "Assigned to me" },
  { value: "in_progress", label: "In progress" },
  { value: "submitted", label: "Submitted" },
  { value: "changes_requested", label: "Changes requested" },
  { value: "approved", label: "Approved" },
  { value: "locked", label: "Locked" },
];

/** Search and filters as a plain GET form: every filter lives in the URL. */
export function MissionFilters({ action, filters, showStatus = true }: { action: string; filters: CatalogueFilters; showStatus?: boolean }) {
  return (
    <form method="get" action={action} role="search" aria-label="Search missions" className="mb-6 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
      <div className="space-y-1">
        <label htmlFor="f-q" className="block text-sm font-medium text-slate-800">Search</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Title, code or skill" maxLength={100} className={inputClass} />
      </div>
      <TrackFilter value={filters.track} />
      <TierFilter value={filters.tier} />
      {showStatus && <FilterSelect name="status" label="Status" options={STATUS_OPTIONS} value={filters.status} />}
      <div className="flex gap-2">
        <button type="submit" className="min-h-10 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">Apply</button>
        <a href={action} className="inline-flex min-h-10 items-center rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100">Reset</a>
      </div>
    </form>
  );
}
