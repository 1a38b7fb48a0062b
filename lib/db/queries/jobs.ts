import "server-only";
import { sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { rows } from "@/lib/db/sql";

// pg-boss's own tables (schema pgboss): live jobs in pgboss.job, older runs moved to pgboss.archive.

export interface JobRunRow {
  id: string;
  name: string;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  retry_count: number;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  output: Record<string, unknown> | null;
}

const runs = sql`(select id::text, name, state::text, retry_count, started_on, completed_on, output from pgboss.job
                  union all
                  select id::text, name, state::text, retry_count, started_on, completed_on, output from pgboss.archive)`;

async function orEmpty<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (e) {
    // No pgboss schema yet (no instance has started the queue): nothing has run.
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === "42P01" || code === "3F000") return [];
    throw e;
  }
}

export function jobStateCounts({ tx = db, names }: { tx?: Tx; names: readonly string[] }) {
  return orEmpty(() =>
    rows<{ name: string; state: string; n: number }>(
      tx,
      sql`select name, state::text, count(*)::int as n from pgboss.job where name = any(${`{${names.join(",")}}`}::text[]) group by 1, 2`,
    ),
  );
}

/** The last finished (or running) run of each job, and its latest failures (failed, or failed and waiting to retry). */
export async function recentJobRuns({ tx = db, names, failures = 5 }: { tx?: Tx; names: readonly string[]; failures?: number }) {
  const list = `{${names.join(",")}}`;
  const last = await orEmpty(() =>
    rows<JobRunRow>(
      tx,
      sql`select distinct on (name) * from ${runs} r
          where name = any(${list}::text[]) and state in ('active', 'completed', 'failed')
          order by name, coalesce(completed_on, started_on) desc nulls last`,
    ),
  );
  const failed = await orEmpty(() =>
    rows<JobRunRow>(
      tx,
      sql`select * from (select r.*, row_number() over (partition by name order by coalesce(completed_on, started_on) desc nulls last) as k
          from ${runs} r where name = any(${list}::text[]) and (state = 'failed' or (state = 'retry' and output is not null))) f
          where k <= ${failures} order by name, k`,
    ),
  );
  return { last, failed };
}

export async function jobSchedules({ tx = db }: { tx?: Tx } = {}) {
  return orEmpty(() => rows<{ name: string; cron: string }>(tx, sql`select name, cron from pgboss.schedule`));
}
