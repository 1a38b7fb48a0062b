import { openApiDocument } from "@/lib/api/openapi";
import { Badge, Card, PageHeader } from "@/components/ui";
import { InlineMarkdown } from "@/components/ui/markdown";

export const metadata = { title: "API reference" };

const methodTone = { get: "blue", post: "green", put: "amber", patch: "amber", delete: "red" } as const;

type Op = { summary: string; description?: string; tags: string[]; parameters: { name: string; in: string; required: boolean }[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { description: string }> };

/** The OpenAPI document rendered as a browsable page (no third-party viewer needed). */
export default function ApiDocsPage() {
  const doc = openApiDocument();
  const byTag = new Map<string, { path: string; method: string; op: Op }[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, Op>)) {
      const tag = op.tags[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ path, method, op });
    }
  }
  return (
    <>
      <PageHeader
        title="Sortie API"
        description={<>Base URL <code className="rounded bg-slate-100 px-1">/api/v1</code>. Authenticate with your session or <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code> (create tokens in Settings). Machine-readable: <a className="text-brand-600 underline" href="/api/v1/openapi.json">openapi.json</a>.</>}
      />
      <nav aria-label="API sections" className="mb-6 flex flex-wrap gap-2">
        {[...byTag.keys()].map((t) => (
          <a key={t} href={`#${t.toLowerCase()}`} className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50">{t}</a>
        ))}
      </nav>
      <div className="space-y-8">
        {[...byTag.entries()].map(([tag, ops]) => (
          <section key={tag} id={tag.toLowerCase()} aria-labelledby={`h-${tag}`}>
            <h2 id={`h-${tag}`} className="mb-3 text-lg font-semibold">{tag}</h2>
            <div className="space-y-3">
              {ops.map(({ path, method, op }) => (
                <Card key={`${method} ${path}`} className="p-4">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={methodTone[method as keyof typeof methodTone] ?? "slate"} className="uppercase">{method}</Badge>
                    <code className="break-all font-mono text-sm">{path}</code>
                    <span className="text-sm text-slate-700">— <InlineMarkdown text={op.summary} /></span>
                  </div>
                  {/* Descriptions are written in markdown (`code` spans): rendered, not shown raw. */}
                  {op.description && <p className="mt-2 whitespace-pre-line text-sm text-slate-600"><InlineMarkdown text={op.description} /></p>}
                  {op.parameters.length > 0 && (
                    <p className="mt-2 text-xs text-slate-600">
                      Parameters: {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(", ")}
                    </p>
                  )}
                  <p className="mt-1 text-xs text-slate-600">Responses: {Object.entries(op.responses).map(([s, r]) => `${s} ${r.description}`).join(" · ")}</p>
                  {op.requestBody && (
                    <details className="mt-2">
                      <summary className="cursor-pointer text-sm text-brand-600">Request body schema</summary>
                      <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">{JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2)}</pre>
                    </details>
                  )}
                </Card>
              ))}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
