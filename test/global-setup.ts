import path from "node:path";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";

// One template per run, so two runs on one server (two engineers, or CI and a dev) do not collide.
export const TEMPLATE_DB = `sortie_test_template_${process.pid}`;

/** With DATABASE_URL: build a migrated template database once; each test file clones it. */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return; // PGlite in memory, migrated per file.
  process.env.SORTIE_TEST_TEMPLATE = TEMPLATE_DB; // read by test/db-setup.ts in the workers
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.unsafe(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${TEMPLATE_DB}`;
  const client = postgres(u.toString(), { max: 1, onnotice: () => {} });
  await migrate(drizzle({ client }), { migrationsFolder: path.join(process.cwd(), "drizzle") });
  await client.end();
  return async () => {
    const a = postgres(url, { max: 1, onnotice: () => {} });
    const left = await a`select datname from pg_database where datname like ${`sortie_t_${process.pid}_%`}`;
    for (const r of left) await a.unsafe(`drop database if exists ${r.datname} with (force)`);
    await a.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await a.end();
  };
}
