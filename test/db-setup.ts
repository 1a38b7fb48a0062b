import { afterAll, beforeAll } from "vitest";
import postgres from "postgres";
import { randomBytes } from "node:crypto";

// Every integration test file runs on a database of its own: a clone of the migrated template on
// real Postgres (DATABASE_URL), or a fresh in-memory PGlite when DATABASE_URL is unset.
const baseUrl = process.env.SORTIE_TEST_BASE_URL ?? process.env.DATABASE_URL;
process.env.SORTIE_TEST_BASE_URL = baseUrl ?? "";
let dbName: string | undefined;

if (baseUrl) {
  // Named after the run's template so the run's teardown can drop whatever a crashed file left.
  const template = process.env.SORTIE_TEST_TEMPLATE ?? "sortie_test_template";
  dbName = `sortie_t_${template.replace("sortie_test_template_", "")}_${randomBytes(4).toString("hex")}`;
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  process.env.DATABASE_URL = u.toString();
} else {
  process.env.SORTIE_PGLITE_DIR = "memory://";
}
process.env.SORTIE_UPLOAD_DIR = `/tmp/sortie-test-uploads/${process.pid}-${randomBytes(4).toString("hex")}`;
process.env.AUTH_SECRET ??= "test-secret-for-integration-tests-only";
process.env.SORTIE_DB_POOL = "5";

beforeAll(async () => {
  if (baseUrl && dbName) {
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName} template ${process.env.SORTIE_TEST_TEMPLATE ?? "sortie_test_template"}`);
    await admin.end();
  } else {
    const { runMigrations } = await import("@/lib/db/migrate");
    await runMigrations();
  }
});

afterAll(async () => {
  const { closeDb } = await import("@/lib/db");
  await closeDb();
  if (baseUrl && dbName) {
    const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});
