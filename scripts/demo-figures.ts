// Prints the learning-loop figures of a seeded demo database: nudge lift per stage, hint
// effectiveness, recipe effectiveness and the SIEM-01 paths (the numbers behind /admin/analytics).
//   DATABASE_URL=postgres://… npx tsx scripts/demo-figures.ts   (or SORTIE_DATA_DIR=… for PGlite)
import { allowServerOnlyImports } from "../bench/server-modules";

allowServerOnlyImports();

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);

async function main() {
  const { db, closeDb } = await import("@/lib/db");
  const { users } = await import("@/lib/db/schema");
  const { eq } = await import("drizzle-orm");
  const { scopeFor } = await import("@/lib/analytics/api");
  const { nudgeAnalytics, pathsSankey, hintEffectiveness } = await import("@/lib/analytics/learning");
  const { recipeEffectiveness } = await import("@/lib/analytics/recipes");
  const [admin] = await db.select().from(users).where(eq(users.email, "admin@demo.sortie.dev"));
  const caller = { id: admin.id, email: admin.email, name: admin.name, role: "admin" as const, organisationId: null };
  const { analyticsFilterSchema } = await import("@/lib/api/contracts/analytics");

  const all = await scopeFor(caller, analyticsFilterSchema.parse({}));
  const nudges = await nudgeAnalytics(all);
  console.log("Nudge lift (opened − ignored), per stage with nudges shown:");
  for (const i of nudges.items.filter((x) => x.shown > 0)) {
    const l = i.lift as unknown as Record<string, unknown>;
    console.log(`  ${i.mission.code} ${i.stage.padEnd(14)} reached ${String(i.reached).padStart(3)} shown ${String(i.shown).padStart(3)} (${pct(i.nudge_rate)})  ${JSON.stringify(l)}`);
  }
  const hints = await hintEffectiveness(all);
  console.log(`\nHint effectiveness: ${hints.items.length} hint levels, ${hints.items.filter((h) => h.enough_data).length} with enough data, ${hints.items.filter((h) => h.flagged).length} flagged`);
  for (const h of hints.items.filter((x) => x.enough_data).slice(0, 8)) console.log(`  ${h.mission.code} ${h.stage} L${h.level}: soon ${pct(h.completed_soon_rate)} of ${h.unlocked} vs ${pct(h.without_completion_rate)} of ${h.without}  diff ${JSON.stringify(h.difference)}${h.flagged ? "  FLAGGED" : ""}`);
  const eff = await recipeEffectiveness({ caller });
  console.log(`\nRecipe effectiveness: ${eff.length} recipe–mission pairs, ${eff.filter((e) => e.result.enoughData).length} with enough data:`);
  for (const e of eff.filter((x) => x.result.enoughData)) console.log(`  ${e.mission.code} ${e.recipe.slug}: used ${e.counts.used.attempts} vs not ${e.counts.notUsed.attempts} — ${e.result.summary}`);
  const [siem] = await db.select().from((await import("@/lib/db/schema")).missions).where(eq((await import("@/lib/db/schema")).missions.code, "SIEM-01"));
  const paths = await pathsSankey(await scopeFor(caller, analyticsFilterSchema.parse({ mission: siem.id })));
  console.log(`\nSIEM-01 paths (${paths.attempts} attempts):`);
  for (const l of paths.links) console.log(`  ${l.source.padEnd(12)} → ${l.target.padEnd(13)} ${String(l.count).padStart(3)}  ${pct(l.share).padStart(6)}  mean ${l.mean_score ?? "—"}${l.expert ? "  (expert)" : ""}`);
  await closeDb();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
