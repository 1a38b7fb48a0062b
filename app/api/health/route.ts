// Liveness: the process answers. No authentication, no data, no database (a database outage must
// not make an orchestrator restart healthy processes; /api/ready reports that).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
