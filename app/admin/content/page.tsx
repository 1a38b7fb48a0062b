import { requireRole } from "@/lib/auth/session";
import { recipeCounts } from "@/lib/db/queries/content";
import { listMissionsForAdmin } from "@/lib/content/overview";
import { Badge, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { ImportPackForm } from "@/components/admin/import-form";
import { tierLabel, trackLabel } from "@/lib/labels";

export const metadata = { title: "Content" };

export default async function ContentPage() {
  await requireRole("admin");
  const [missions, recipes] = await Promise.all([listMissionsForAdmin(), recipeCounts()]);
  const recipeTotal = recipes.reduce((a, r) => a + r.n, 0);
  return (
    <>
      <PageHeader
        title="Content"
        description="Missions and recipes as content packs: check, import (all-or-nothing, versioned) and export."
        actions={<ButtonLink href="/api/v1/admin/content/export" variant="secondary" prefetch={false}>Export content pack</ButtonLink>}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2 overflow-x-auto">
          <h2 className="font-semibold">Missions ({missions.length})</h2>
          {missions.length === 0 ? (
            <div className="mt-3"><EmptyState title="No missions yet">Import a content pack to add missions.</EmptyState></div>
          ) : (
            <table className="mt-3 w-full min-w-[640px] text-left text-sm [&_td]:pr-3 [&_th]:pr-3">
              <caption className="sr-only">Missions with their graph check</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr><th className="py-2">Code</th><th>Title</th><th>Track · tier</th><th>Stages</th><th>Decisions</th><th>Version</th><th>Graph</th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {missions.map((m) => (
                  <tr key={m.id}>
                    <td className="py-2 font-mono text-xs">{m.code}</td>
                    <td>
                      <a className="hover:underline" href={`/missions/${m.code}`}>{m.title}</a>
                      {m.status !== "published" && <Badge tone="amber" className="ml-2">{m.status}</Badge>}
                    </td>
                    <td>{trackLabel(m.track)} · {tierLabel(m.tier)}</td>
                    <td>{m.stages}</td>
                    <td>{m.decisions}</td>
                    <td>v{m.version}</td>
                    <td>{m.graphErrors.length === 0 ? <Badge tone="green">OK</Badge> : <Badge tone="red" title={m.graphErrors.join("\n")}>{m.graphErrors.length} error(s)</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <div className="space-y-6">
          <Card>
            <h2 className="font-semibold">Recipes</h2>
            <p className="mt-1 text-3xl font-semibold">{recipeTotal}</p>
            <p className="text-sm text-slate-600">{recipes.map((r) => `${r.n} ${r.status}`).join(" · ") || "none yet"}</p>
          </Card>
          <Card>
            <h2 className="mb-3 font-semibold">Import a content pack</h2>
            <ImportPackForm />
          </Card>
        </div>
      </div>
    </>
  );
}
