import { readiness } from "@/lib/ops/lifecycle";

// Readiness: the database is reachable, every migration is applied and the process is not shutting
// down. 503 otherwise, so a load balancer or orchestrator sends traffic elsewhere. No authentication
// and no data beyond which check failed.
export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  const body = {
    status: r.ready ? "ready" : "not_ready",
    checks: { database: r.database ? "ok" : "unreachable", migrations: r.migrations ? "applied" : "pending", shutdown: r.draining ? "draining" : "no" },
  };
  return Response.json(body, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
