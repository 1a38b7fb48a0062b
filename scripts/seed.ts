// Loads the demo content and accounts (idempotent) into DATABASE_URL or the PGlite directory.
//   npm run db:seed
import { allowServerOnlyImports } from "../bench/server-modules";

allowServerOnlyImports();

async function main() {
  const { runMigrations } = await import("@/lib/db/migrate");
  const { seedDemo } = await import("@/lib/demo/seed");
  const { closeDb } = await import("@/lib/db");
  await runMigrations();
  await seedDemo();
  console.log("Demo content seeded.");
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
