// A process that ingests telemetry the way the server does (ingestEvents, one transaction per
// batch), for the crash-restart test: the test kills it with SIGKILL mid-ingest, then resends.
//   node --import tsx --conditions=react-server test/ingest-child.ts ingest <from> <to>   "ok <i>" per batch
//   node --import tsx --conditions=react-server test/ingest-child.ts count                "<rows> <distinct>"
import { sql } from "drizzle-orm";
import { db, closeDb, dbKind } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { ingestEvents } from "@/lib/telemetry/ingest";
import type { Caller } from "@/lib/auth/session";

export const EVENTS_PER_BATCH = 100;
const EMAIL = "crash-restart@test.sortie.dev";

/** Event j of batch i: the same ids every time, as a client resending its queue would. */
function batch(i: number) {
  const t = new Date(Date.now() - 3600_000).toISOString();
  return Array.from({ length: EVENTS_PER_BATCH }, (_, j) => ({
    event_id: `00000000-0000-4000-8000-${String(i * EVENTS_PER_BATCH + j).padStart(12, "0")}`,
    type: "recipe.viewed",
    occurred_at: t,
    payload: { batch: i, n: j },
  }));
}

async function caller(): Promise<Caller> {
  await rows(db, sql`insert into users (email, name, role, password_hash) values (${EMAIL}, 'Crash Restart', 'learner', 'x') on conflict do nothing`);
  const [u] = await rows<{ id: string }>(db, sql`select id from users where lower(email) = ${EMAIL}`);
  return { id: u.id, role: "learner", email: EMAIL, name: "Crash Restart", organisationId: null };
}

async function main() {
  if (dbKind() === "pglite") await (await import("@/lib/db/migrate")).runMigrations();
  const c = await caller();
  const [mode, from, to] = process.argv.slice(2);
  if (mode === "count") {
    const [r] = await rows<{ n: string; d: string }>(db, sql`select count(*) as n, count(distinct event_id) as d from telemetry_events where user_id = ${c.id}`);
    console.log(`${r.n} ${r.d}`);
  } else {
    for (let i = Number(from); i < Number(to); i++) {
      await ingestEvents({ caller: c, body: { events: batch(i) } });
      console.log(`ok ${i}`);
      // Paced like a client's batches, so the test's SIGKILL lands while ingest is under way.
      if (process.env.INGEST_PACE_MS) await new Promise((r) => setTimeout(r, Number(process.env.INGEST_PACE_MS)));
    }
  }
  await closeDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
