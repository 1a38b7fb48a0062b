import "server-only";
import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { env } from "@/lib/env";

export type Db = PostgresJsDatabase<typeof schema>;
/** A transaction or the database: query functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

interface Holder {
  db?: Db;
  close?: () => Promise<void>;
  kind?: "pglite" | "postgres";
  url?: string;
}

// One instance per process, kept on globalThis so hot reloads do not reopen PGlite's directory.
const g = globalThis as unknown as { __sortieDb?: Holder };

function open(): Holder {
  const e = env();
  if (e.DATABASE_URL) {
    const client = postgres(e.DATABASE_URL, {
      max: e.SORTIE_DB_POOL,
      onnotice: () => {},
      // JIT compiles any plan costed above jit_above_cost; on the dashboards' aggregates (whose costs are
      // inflated by estimates on partial indexes) compiling took 100–450 ms for queries that then ran
      // in 5–20 ms. An interactive app is better off without it.
      connection: { jit: "off", plan_cache_mode: PLAN_CACHE_MODE },
      // Keep bigint/numeric as strings for safety; our numbers are integer/real columns.
    });
    return { db: drizzlePostgres({ client: preparing(client), schema }), close: () => client.end({ timeout: 5 }), kind: "postgres", url: e.DATABASE_URL };
  }
  const dir = e.SORTIE_PGLITE_DIR ?? path.join(e.SORTIE_DATA_DIR, "pglite");
  if (!dir.startsWith("memory://")) fs.mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  // PGlite and postgres.js expose the same query builder; one type keeps call sites simple.
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return { db, close: () => client.close(), kind: "pglite", url: dir };
}

/**
 * Prepared statements are planned for their parameters every time. After five runs Postgres may
 * otherwise switch a statement to one generic plan, costed for a typical value; our parameters are
 * skewed (the scope "" or an organisation holds 100k learners, a cohort 100), and at 10M events the
 * generic plan of the abandoned-attempts count hashed all 100k of an organisation's learners on every
 * answer (44 ms) where the plan for the value probes 1,000 of them (4 ms). The statements stay prepared:
 * one round trip each.
 */
const PLAN_CACHE_MODE = "force_custom_plan";

/**
 * Statements drizzle sends as prepared statements (postgres.js keeps one per connection and query
 * text). Drizzle asks postgres.js not to prepare a query it did not name, and postgres.js then sends
 * a query with parameters in two round trips (describe, then bind and execute) and Postgres parses and
 * plans it every time; prepared, a query costs one round trip and its plan can be reused. On the
 * stage page (seven statements per view) that was a large share of the server's CPU (bench/RESULTS-stage.md).
 * The statements are the code's own texts (values are always parameters), so the number kept is
 * bounded by the code. SORTIE_DB_PREPARE=0 turns it off (a pooler in transaction mode without
 * prepared-statement support: PgBouncer < 1.21).
 */
function preparing(c: postgres.Sql): postgres.Sql {
  return env().SORTIE_DB_PREPARE === false ? c : prepareAll(c, "begin");
}

/** Makes `c.unsafe` prepare, and so the client a transaction (`begin`) or savepoint hands its callback. */
function prepareAll<T extends postgres.Sql | postgres.TransactionSql>(c: T, opens: "begin" | "savepoint"): T {
  const unsafe = c.unsafe;
  c.unsafe = ((query: string, args?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
    unsafe(query, args ?? [], { ...options, prepare: true })) as T["unsafe"];
  const target = c as unknown as Record<string, (...a: unknown[]) => unknown>;
  const open = target[opens];
  target[opens] = (...a: unknown[]) => {
    const fn = a.pop() as (tx: postgres.TransactionSql) => unknown;
    return open.call(c, ...a, (tx: postgres.TransactionSql) => fn(prepareAll(tx, "savepoint")));
  };
  return c;
}

export function getDb(): Db {
  const want = env().DATABASE_URL ?? "pglite";
  const h = g.__sortieDb;
  if (h?.db && (h.url === want || (h.kind === "pglite" && want === "pglite"))) return h.db;
  g.__sortieDb = open();
  return g.__sortieDb.db!;
}

export function dbKind(): "pglite" | "postgres" {
  getDb();
  return g.__sortieDb!.kind!;
}

/** The Postgres URL the process uses, or undefined with embedded PGlite. */
export function postgresUrl(): string | undefined {
  return dbKind() === "postgres" ? g.__sortieDb!.url : undefined;
}

export async function closeDb() {
  const replica = r.__sortieReadDb;
  r.__sortieReadDb = undefined;
  await replica?.close();
  const h = g.__sortieDb;
  g.__sortieDb = undefined;
  await h?.close?.();
}

const r = globalThis as unknown as { __sortieReadDb?: { url: string; db: Db; close: () => Promise<void> } };

/**
 * The pool dashboard reads use: a second, read-only pool on DATABASE_REPLICA_URL when it is set (a
 * streaming replica: the analytics reads never write, see lib/analytics/source.ts), else the primary.
 */
export function readDb(): Tx {
  const e = env();
  if (!e.DATABASE_REPLICA_URL || !e.DATABASE_URL) return db;
  if (r.__sortieReadDb?.url !== e.DATABASE_REPLICA_URL) {
    const client = postgres(e.DATABASE_REPLICA_URL, {
      max: e.SORTIE_DB_POOL,
      onnotice: () => {},
      // As the primary pool (no JIT), and every transaction read-only: a replica refuses writes anyway.
      connection: { jit: "off", plan_cache_mode: PLAN_CACHE_MODE, default_transaction_read_only: true },
    });
    r.__sortieReadDb = { url: e.DATABASE_REPLICA_URL, db: drizzlePostgres({ client: preparing(client), schema }), close: () => client.end({ timeout: 5 }) };
  }
  return r.__sortieReadDb.db;
}

/**
 * A query drizzle builds once per client instead of on every call (`build` returns it prepared, with
 * `sql.placeholder`s for its values). Building a select's SQL text costs 0.1–0.4 ms of CPU for a wide
 * one; the statements every signed-in page sends (the session's user, the stage page's mission and
 * attempt) need not pay it each time. Only for reads outside a transaction.
 */
export function builtOnce<Q>(build: (d: Db) => Q): () => Q {
  const kept = new WeakMap<Db, Q>();
  return () => {
    const d = getDb();
    let q = kept.get(d);
    if (q === undefined) kept.set(d, (q = build(d)));
    return q;
  };
}

/** `db` proxies to the process's one client, opened on first use. */
export const db: Db = new Proxy({} as Db, {
  get(_t, prop) {
    const real = getDb();
    const v = Reflect.get(real, prop);
    return typeof v === "function" ? v.bind(real) : v;
  },
});

export { schema };
