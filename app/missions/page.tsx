import { requireUser } from "@/lib/auth/session";
import { listCatalogue } from "@/lib/catalogue/list";
import { Alert, PageHeader } from "@/components/ui";
import { MissionBoard } from "@/components/missions/mission-board";
import { MissionFilters } from "@/components/missions/mission-filters";
import { filtersFrom } from "@/components/missions/filters";

export const metadata = { title: "Missions" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireUser();
  const { filters, invalid } = filtersFrom(await searchParams);
  const catalogue = await listCatalogue({ caller, filters });
  return (
    <>
      <PageHeader
        title="Mission catalogue"
        description={caller.role === "learner" ? "Every mission, with what you need to unlock it." : "Every mission learners can take, by track and tier."}
      />
      {invalid && <Alert tone="amber" className="mb-4">Some filters were not valid and were ignored.</Alert>}
      <MissionFilters action="/missions" filters={filters} showStatus={caller.role === "learner" || caller.role === "admin"} />
      <p className="mb-4 text-sm text-slate-600" role="status">{catalogue.missions.length} mission{catalogue.missions.length === 1 ? "" : "s"}.</p>
      <MissionBoard items={catalogue.missions} enrolled={caller.role === "learner" ? catalogue.enrolled_tracks : ["defender", "offensive", "grc", "innovation", "leadership"]} />
    </>
  );
}
