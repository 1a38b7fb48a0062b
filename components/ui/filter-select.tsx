import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { cx, inputClass } from "./index";
import { tierLabel, trackLabel } from "@/lib/labels";

export interface FilterOption {
  value: string;
  label: string;
}

/**
 * One filter of a GET filter form: a native <select> with a visible <label> tied to it by id, so it
 * is named for screen readers and works with the keyboard and without JavaScript. `value` is the
 * current filter (from the URL); `anyLabel` adds the empty "no filter" option first.
 */
export function FilterSelect({
  name,
  label,
  options,
  value,
  anyLabel,
  id = `f-${name}`,
  className,
}: {
  name: string;
  label: string;
  options: readonly FilterOption[];
  value?: string | null;
  anyLabel?: string;
  id?: string;
  className?: string;
}) {
  return (
    <div className={cx("min-w-0 space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const TRACK_OPTIONS: readonly FilterOption[] = TRACKS.map((t) => ({ value: t, label: trackLabel(t) }));
export const TIER_OPTIONS: readonly FilterOption[] = TIERS.map((t) => ({ value: t, label: tierLabel(t) }));

/** The track filter of the mission, review and analytics filter forms (`track`, "All tracks"). */
export function TrackFilter({ value, className }: { value?: string | null; className?: string }) {
  return <FilterSelect name="track" label="Track" anyLabel="All tracks" options={TRACK_OPTIONS} value={value} className={className} />;
}

/** The tier filter of the same forms (`tier`, "All tiers"), tiers in order. */
export function TierFilter({ value, className }: { value?: string | null; className?: string }) {
  return <FilterSelect name="tier" label="Tier" anyLabel="All tiers" options={TIER_OPTIONS} value={value} className={className} />;
}
