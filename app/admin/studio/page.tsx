import Link from "next/link";
import { requireRole } from "@/lib/auth/session";
import { listStudio, type StudioItem } from "@/lib/studio/list";
import { listQuery } from "@/lib/api/contracts/studio";
import { Badge, Button, Card, EmptyState, PageHeader, inputClass } from "@/components/ui";
import { NewDraftForm } from "@/components/studio/new-draft-form";
import { timeAgo } from "@/lib/labels";

export const metadata = { title: "Studio" };

const TONE = { draft: "amber", published: "green", archived: "slate" } as const;

function Table({ kind, items }: { kind: "mission" | "recipe"; items: StudioItem[] }) {
  if (items.length === 0) return <EmptyState title={`No ${kind}s match`}>Clear the search or create one.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[560px] text-left text-sm [&_td]:pr-3 [&_th]:pr-3">
        <caption className="sr-only">{kind === "mission" ? "Missions" : "Recipes"} with status, version and last editor</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr><th className="py-2">{kind === "mission" ? "Code" : "Slug"}</th><th>Title</th><th>Status</th><th>Version</th><th>Last edited</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((i) => (
            <tr key={i.ref}>
              <td className="py-2 font-mono text-xs"><Link href={`/admin/studio/${kind}s/${i.ref}`} className="text-brand-700 underline">{i.ref}</Link></td>
              <td>{i.title || <span className="text-slate-400">untitled</span>}</td>
              <td className="space-x-1"><Badge tone={TONE[i.status as keyof typeof TONE] ?? "slate"}>{i.status}</Badge>{i.has_draft && i.status !== "draft" && <Badge tone="amber">unpublished changes</Badge>}</td>
              <td>{i.version ? `v${i.version}` : "—"}</td>
              <td className="text-slate-600">{i.last_editor ? `${i.last_editor.name}, ${timeAgo(new Date(i.updated_at))}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function StudioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requireRole("admin");
  const parsed = listQuery.safeParse(await searchParams);
  const { q, status } = parsed.success ? parsed.data : { q: undefined, status: undefined };
  const [missions, recipes] = await Promise.all([listStudio({ caller, kind: "mission", q, status }), listStudio({ caller, kind: "recipe", q, status })]);
  const sources = (items: StudioItem[]) => items.filter((i) => i.status !== "archived").map((i) => ({ ref: i.ref, title: i.title })).sort((a, b) => a.ref.localeCompare(b.ref));
  return (
    <>
      <PageHeader title="Studio" description="Write, check, preview and publish missions and recipes. Drafts save as you type; learners see a change only once it is published." />
      <form className="mb-6 flex flex-wrap items-end gap-2" role="search">
        <label className="flex-1 min-w-48 text-sm font-medium">Search<input name="q" defaultValue={q} className={`${inputClass} mt-1`} placeholder="Code, slug or title" /></label>
        <label className="text-sm font-medium">Status
          <select name="status" defaultValue={status ?? ""} className={`${inputClass} mt-1`}>
            <option value="">Any</option><option value="draft">Draft or unpublished changes</option><option value="published">Published</option><option value="archived">Archived</option>
          </select>
        </label>
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <div className="grid items-start gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0 space-y-6">
          <Card><h2 className="mb-3 font-semibold">Missions ({missions.length})</h2><Table kind="mission" items={missions} /></Card>
          <Card><h2 className="mb-3 font-semibold">Recipes ({recipes.length})</h2><Table kind="recipe" items={recipes} /></Card>
        </div>
        <div className="space-y-6">
          <Card><NewDraftForm kind="mission" sources={sources(missions)} /></Card>
          <Card><NewDraftForm kind="recipe" sources={sources(recipes)} /></Card>
        </div>
      </div>
    </>
  );
}
