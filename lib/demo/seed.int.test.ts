import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { rows } from "@/lib/db/sql";
import { runMigrations } from "@/lib/db/migrate";
import { seedDemo } from "./seed";
import { scopeFor } from "@/lib/analytics/api";
import { hintEffectiveness, nudgeAnalytics, pathsSankey } from "@/lib/analytics/learning";
import { recipeEffectiveness } from "@/lib/analytics/recipes";
import { analyticsFilterSchema } from "@/lib/api/contracts/analytics";
import { calibrationReport } from "@/lib/reviews/calibration";

async function rowCounts() {
  const tables = await rows<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${t.table_name}"`));
    out[t.table_name] = r.n;
  }
  return out;
}

/** Issue 17 item 8: the generated cohorts give every learning-loop figure enough data for intervals. */
async function demoShowsTheLearningLoop() {
  const [gen] = await rows<{ learners: number; cohorts: number }>(db, sql`select count(distinct u.id)::int as learners, count(distinct cm.cohort_id)::int as cohorts from users u join cohort_members cm on cm.user_id = u.id where u.email like '%@learners.demo.sortie.dev'`);
  expect(gen.learners).toBeGreaterThanOrEqual(60);
  expect(gen.learners).toBeLessThanOrEqual(150);
  expect(gen.cohorts).toBeGreaterThanOrEqual(3);
  const [admin] = await rows<{ id: string }>(db, sql`select id from users where email = 'admin@demo.sortie.dev'`);
  const caller = { id: admin.id, email: "admin@demo.sortie.dev", name: "Alex Admin", role: "admin" as const, organisationId: null };
  const all = await scopeFor(caller, analyticsFilterSchema.parse({}));
  const nudges = await nudgeAnalytics(all);
  expect(nudges.items.filter((i) => i.lift.enough_data && i.lift.completion_difference).length).toBeGreaterThanOrEqual(1);
  const effectiveness = await recipeEffectiveness({ caller });
  expect(effectiveness.filter((e) => e.result.enoughData && e.result.difference).length).toBeGreaterThanOrEqual(2);
  const hints = await hintEffectiveness(all);
  expect(hints.items.filter((h) => h.enough_data).length).toBeGreaterThanOrEqual(2);
  const paths = await pathsSankey(await scopeFor(caller, analyticsFilterSchema.parse({ mission: "SIEM-01" })));
  // Both branches of each SIEM-01 decision are taken by several learners, and some learners stop early.
  for (const [source, target] of [["scope", "contain"], ["scope", "watch"], ["contain", "handoff"], ["contain", "close-report"], ["contain", "end"]]) {
    expect(paths.links.find((l) => l.source === source && l.target === target)?.count ?? 0, `${source} → ${target}`).toBeGreaterThanOrEqual(5);
  }
  // Generated notes and reflections are not one template repeated.
  const [text] = await rows<{ notes: number; total: number; reflections: number }>(db, sql`select count(distinct c.notes)::int as notes, count(*)::int as total, (select count(distinct reflection)::int from mission_progress where reflection is not null) as reflections from stage_completions c`);
  expect(text.notes / text.total).toBeGreaterThan(0.2);
  expect(text.reflections).toBeGreaterThan(50);
  // Double-marked history: the calibration page has criteria with a kappa and mentors with drift.
  const cal = await calibrationReport({ caller });
  expect(cal.criteria.filter((c) => c.kappa !== null && c.interval).length).toBeGreaterThanOrEqual(3);
  expect(cal.criteria.some((c) => c.not_enough_data)).toBe(true);
  expect(cal.mentors.length).toBeGreaterThanOrEqual(2);
  expect(cal.mentors.every((m) => m.weeks.length >= 3)).toBe(true);
  expect(cal.moderation.moderated).toBeGreaterThan(0);
}

describe("migrations and demo seed", () => {
  it("migrations apply from empty and are idempotent", async () => {
    await runMigrations();
    const tables = await rows<{ n: number }>(db, sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`);
    expect(tables[0].n).toBeGreaterThanOrEqual(30);
  });

  it("seeds the demo accounts and content, and a second run changes nothing", async () => {
    await seedDemo();
    const first = await rowCounts();
    expect(first.users).toBeGreaterThanOrEqual(4);
    expect(first.missions).toBeGreaterThan(0);
    expect(first.recipes).toBeGreaterThan(0);
    expect(first.foundation_modules).toBe(7);
    // The demo learner has history in several states, and an approved mission in the portfolio.
    const states = await rows<{ state: string }>(db, sql`select distinct p.state from mission_progress p join users u on u.id = p.user_id where u.email = 'learner@demo.sortie.dev'`);
    expect(states.map((s) => s.state)).toEqual(expect.arrayContaining(["approved", "submitted", "in_progress"]));
    expect(states.length).toBeGreaterThanOrEqual(4);
    expect(first.portfolio_items).toBeGreaterThanOrEqual(1);
    // The mentor has submissions waiting in the queue.
    const waiting = await rows<{ n: number }>(db, sql`select count(*)::int as n from mission_progress where state = 'submitted'`);
    expect(waiting[0].n).toBeGreaterThanOrEqual(2);
    await demoShowsTheLearningLoop();
    await seedDemo();
    const second = await rowCounts();
    // rate_limits is runtime state, not seed output.
    delete first.rate_limits;
    delete second.rate_limits;
    expect(second).toEqual(first);
  }, 120_000);
});
