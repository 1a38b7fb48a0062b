import type { CatalogueItem } from "@/lib/catalogue/list";
import { TIERS, TRACKS } from "@/lib/db/schema/enums";
import { EmptyState } from "@/components/ui";
import { MissionCard } from "./mission-card";
import { LockIcon } from "./icons";
import { tierLabel, trackLabel } from "@/lib/labels";

/** Missions grouped by track, then tier; enrolled tracks first. */
export function MissionBoard({ items, enrolled }: { items: CatalogueItem[]; enrolled: string[] }) {
  if (items.length === 0) return <EmptyState title="No missions match">Try another search or clear the filters.</EmptyState>;
  const tracks = [...TRACKS].sort((a, b) => Number(enrolled.includes(b)) - Number(enrolled.includes(a)));
  return (
    <div className="space-y-10">
      {tracks.map((track) => {
        const ofTrack = items.filter((i) => i.track === track);
        if (ofTrack.length === 0) return null;
        return (
          <section key={track} aria-labelledby={`track-${track}`}>
            <h2 id={`track-${track}`} className="flex flex-wrap items-baseline gap-2 text-xl font-semibold text-slate-900">
              {trackLabel(track)}
              {!enrolled.includes(track) && <span className="text-sm font-normal text-slate-500">· not enrolled</span>}
            </h2>
            {TIERS.map((tier) => {
              const ofTier = ofTrack.filter((i) => i.tier === tier);
              if (ofTier.length === 0) return null;
              const allLocked = ofTier.every((i) => i.locked);
              return (
                <div key={tier} className="mt-4">
                  <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">
                    {tierLabel(tier)} {allLocked && <span className="ml-1 font-normal normal-case tracking-normal text-slate-500">— <LockIcon className="inline align-[-2px]" /> {ofTier[0].lock_reason}</span>}
                  </h3>
                  <ul className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                    {ofTier.map((m) => <MissionCard key={m.id} m={m} inBoard tierLocked={allLocked} />)}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
