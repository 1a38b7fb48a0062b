// Prints the calibration report of a seeded database (the figures behind /admin/calibration).
//   DATABASE_URL=postgres://… npx tsx scripts/calibration-figures.ts   (or SORTIE_DATA_DIR=… for PGlite)
import { allowServerOnlyImports } from "../bench/server-modules";

allowServerOnlyImports();

async function main() {
  const { db, closeDb } = await import("@/lib/db");
  const { users } = await import("@/lib/db/schema");
  const { eq } = await import("drizzle-orm");
  const { calibrationReport } = await import("@/lib/reviews/calibration");
  const [admin] = await db.select().from(users).where(eq(users.email, "admin@demo.sortie.dev"));
  const r = await calibrationReport({ caller: { id: admin.id, email: admin.email, name: admin.name, role: "admin", organisationId: null } });
  console.log(`Moderation: ${JSON.stringify(r.moderation)}`);
  console.log(`Agreement per criterion (weighted kappa, ${r.weights} weights, 95% interval; under ${r.min_pairs} pairs: not enough data):`);
  for (const c of r.criteria)
    console.log(`  ${c.mission.code} ${c.criterion.key.padEnd(22)} levels ${c.levels} pairs ${String(c.pairs).padStart(3)}  ${c.not_enough_data ? "not enough data" : c.kappa === null ? "undefined" : `κw ${c.kappa.toFixed(2)} [${c.interval!.low.toFixed(2)}, ${c.interval!.high.toFixed(2)}]`}  same level ${c.exact_agreement === null ? "—" : `${Math.round(c.exact_agreement * 100)}%`}`);
  console.log("Mean difference from the final score (points), overall and per week:");
  for (const m of r.mentors) console.log(`  ${m.mentor.name.padEnd(16)} ${String(m.marks).padStart(3)} marks  ${m.mean_difference}  ${m.weeks.map((w) => `${w.week}:${w.mean_difference}(${w.marks})`).join(" ")}`);
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
