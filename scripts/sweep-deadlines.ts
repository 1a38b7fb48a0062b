// Deadline sweep for a scheduler (cron, systemd timer, Kubernetes CronJob).
//
//   With DATABASE_URL (Postgres):  npx tsx --conditions=react-server scripts/sweep-deadlines.ts
//   Against a running app:         SORTIE_URL=http://localhost:3000 SORTIE_CRON_SECRET=… npx tsx scripts/sweep-deadlines.ts
//
// Embedded PGlite has no lock across processes, so without DATABASE_URL the script calls the
// running app's endpoint (POST /api/v1/admin/jobs/sweep-deadlines with x-cron-secret) instead.
async function main() {
  const url = process.env.SORTIE_URL;
  if (url || !process.env.DATABASE_URL) {
    const secret = process.env.SORTIE_CRON_SECRET;
    if (!secret) throw new Error("Set SORTIE_CRON_SECRET (and SORTIE_URL, default http://localhost:3000) to call the running app.");
    const res = await fetch(`${url ?? "http://localhost:3000"}/api/v1/admin/jobs/sweep-deadlines`, { method: "POST", headers: { "x-cron-secret": secret } });
    const body = await res.text();
    if (!res.ok) throw new Error(`sweep failed: ${res.status} ${body}`);
    console.log(body);
    return;
  }
  const { sweepOpenAttempts } = await import("../lib/attempts/abandon");
  const { closeDb } = await import("../lib/db");
  try {
    console.log(JSON.stringify(await sweepOpenAttempts()));
  } finally {
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
