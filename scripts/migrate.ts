// Applies drizzle/ migrations to DATABASE_URL (or the PGlite directory when it is unset).
//   npm run db:migrate
import { allowServerOnlyImports } from "../bench/server-modules";

allowServerOnlyImports();

async function main() {
  const { runMigrations } = await import("@/lib/db/migrate");
  const { closeDb } = await import("@/lib/db");
  await runMigrations();
  console.log("Migrations applied.");
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
