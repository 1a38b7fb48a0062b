import { beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { missionProgress, missions } from "@/lib/db/schema";
import { GET as performanceGET } from "@/app/api/v1/missions/analytics/performance/route";
import { applyChanges } from "@/lib/analytics/aggregates";
import { call, loadFixtures, makeUser, type TestUser } from "@/test/helpers";

// These tests read right after each write: wait for the newest answer, however slow the machine is.
process.env.SORTIE_ANALYTICS_STALE_MS = "60000";

// Medians and p90s of times are read from value histograms whose values are kept to 3 significant
// digits (histogramValue in items.ts; CONTRIBUTING.md, "Analytics"); means and totals stay exact. The
// same precision whichever aggregates answer: all-time buckets, daily buckets or live facts.

const DAY = 86_400_000;
let missionId: string;
let admin: TestUser;

beforeAll(async () => {
  await loadFixtures();
  admin = await makeUser("admin");
  const [m] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  missionId = m.id;
  // Three finished attempts started 3 days ago, taking 999 ms, 123,456 ms and 7,654,321 ms; the second
  // spent 123,456 ms visible in triage, the first 999 ms in contain.
  const started = Date.now() - 3 * DAY;
  const durations = [999, 123_456, 7_654_321];
  const ids: string[] = [];
  for (const [i, ms] of durations.entries()) {
    const learner = await makeUser("learner");
    const [p] = await db
      .insert(missionProgress)
      .values({ userId: learner.id, missionId, missionVersion: 1, attempt: 1, state: "approved", path: ["triage", "contain"], startedAt: new Date(started + i * 1000), submittedAt: new Date(started + i * 1000 + ms), score: 80, passed: true })
      .returning();
    ids.push(p.id);
  }
  await db.execute(sql`insert into stage_time (progress_id, stage_key, mission_id, visible_ms, visits) values
    (${ids[1]}, 'triage', ${missionId}, 123456, 1), (${ids[0]}, 'contain', ${missionId}, 999, 1)`);
  await applyChanges();
});

describe("dashboard precision", () => {
  const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
  const views = {
    "undated (all-time buckets)": "/x?mission=TEST-01",
    "whole days (daily buckets)": `/x?mission=TEST-01&from=2000-01-01&to=${yesterday}`,
    "not whole days (live facts)": `/x?mission=TEST-01&from=2000-01-01&to=${yesterday}T00:00:00.001Z`,
  };

  for (const [name, path] of Object.entries(views)) {
    it(`gives times to 3 significant digits for medians and p90, exact means and totals: ${name}`, async () => {
      const r = await call(performanceGET, { token: admin.token, path });
      expect(r.status).toBe(200);
      // 999 ms stays exact, 123,456 ms counts as 123,000 ms, 7,654,321 ms as 7,650,000 ms.
      expect(r.json.kpis.median_time_ms).toBe(123_000);
      // percentile_cont between the 2nd and 3rd values: 123,000 + 0.8 × (7,650,000 − 123,000).
      expect(r.json.kpis.p90_time_ms).toBe(6_144_600);
      const stages = Object.fromEntries((r.json.time_per_stage as { stage: string }[]).map((x) => [x.stage, x]));
      expect(stages.triage).toMatchObject({ attempts: 1, median_ms: 123_000, mean_ms: 123_456, total_ms: 123_456 });
      expect(stages.contain).toMatchObject({ attempts: 1, median_ms: 999, mean_ms: 999, total_ms: 999 });
    });
  }
});
