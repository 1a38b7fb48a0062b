import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { missions } from "@/lib/db/schema";
import { rows } from "@/lib/db/sql";
import { insertEvents } from "@/lib/db/queries/telemetry";
import { loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { applyChanges, rebuildAggregates } from "./aggregates";

// The property the whole design rests on (aggregates.ts): whatever sequence of writes happens, and
// wherever the change consumer runs in between, the incremental aggregates hold exactly the rows a
// rebuild from the raw tables computes.

const DAY = 86_400_000;
const STAGES = ["triage", "contain", "watch", "detect", "report"] as const;
const DECISIONS = { respond: ["block", "watch"], "detect-or-report": ["detect", "report"] } as const;
const CRITERIA = ["triage-quality", "detect-quality", "report-quality"] as const;

let missionId: string;
let mentor: TestUser;
let learners: TestUser[] = [];
let cohortIds: string[] = [];
/** Attempts written so far (ids), in order; operations pick one by index modulo its length. */
const attempts: string[] = [];
const reviewVersion = new Map<string, number>();

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length];

// Starts weigh more than deletions, so that attempts accumulate across a run.
const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant("start" as const), user: fc.nat(), daysAgo: fc.integer({ min: 0, max: 6 }), depth: fc.integer({ min: 1, max: 5 }) }) },
  fc.record({ t: fc.constant("stage" as const), a: fc.nat(), stage: fc.nat() }),
  fc.record({ t: fc.constant("decision" as const), a: fc.nat(), decision: fc.constantFrom(...(Object.keys(DECISIONS) as (keyof typeof DECISIONS)[])), choice: fc.nat() }),
  fc.record({ t: fc.constant("hint" as const), a: fc.nat(), stage: fc.nat(), level: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ t: fc.constant("tool" as const), a: fc.nat(), tool: fc.constantFrom("grep", "jq", "zeek") }),
  fc.record({ t: fc.constant("time" as const), a: fc.nat(), stage: fc.nat(), ms: fc.integer({ min: 1, max: 600_000 }) }),
  fc.record({ t: fc.constant("untimed" as const), a: fc.nat(), stage: fc.nat(), seconds: fc.integer({ min: 1, max: 900 }) }),
  { weight: 3, arbitrary: fc.record({ t: fc.constant("submit" as const), a: fc.nat(), minutes: fc.integer({ min: 1, max: 600 }), score: fc.option(fc.integer({ min: 0, max: 200 }).map((x) => x / 2)) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant("review" as const), a: fc.nat(), passed: fc.boolean(), score: fc.integer({ min: 0, max: 100 }), points: fc.nat({ max: 4 }) }) },
  fc.record({ t: fc.constant("move" as const), user: fc.nat(), cohort: fc.nat(), join: fc.boolean() }),
  fc.constant({ t: "content" as const }),
  // The learner acts again, or (as if days passed) last acted days ago, on another stage or the same:
  // the open item follows the day of the last activity and the current stage.
  fc.record({ t: fc.constant("activity" as const), a: fc.nat(), daysAgo: fc.integer({ min: 0, max: 20 }), stage: fc.option(fc.nat()) }),
  fc.record({ t: fc.constant("delete" as const), a: fc.nat() }),
  fc.constant({ t: "apply" as const }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function run(o: Op) {
  if (o.t === "start") {
    const u = pick(learners, o.user);
    const path = STAGES.slice(0, o.depth);
    const [r] = await rows<{ id: string }>(
      db,
      sql`insert into mission_progress (user_id, mission_id, mission_version, attempt, state, path, current_stage, started_at)
          select ${u.id}, ${missionId}, 1, coalesce(max(attempt), 0) + 1, 'in_progress', ${JSON.stringify(path)}::jsonb, ${path[path.length - 1]},
            now() - make_interval(days => ${o.daysAgo}, secs => ${o.depth * 37})
          from mission_progress where user_id = ${u.id} and mission_id = ${missionId}
          on conflict do nothing returning id::text as id`,
    );
    if (r) attempts.push(r.id);
    return;
  }
  if (o.t === "apply") return void (await applyChanges());
  if (o.t === "content") {
    // A new content version: the expert's choice of "respond" flips (deviation figures change) and the
    // mission row gets its new version, as an import writes them together.
    await db.transaction(async (t) => {
      await t.execute(sql`update decision_choices set ideal = not ideal where decision_id = (select id from decision_points where mission_id = ${missionId} and key = 'respond')`);
      await t.execute(sql`update missions set version = version + 1, content_hash = md5(random()::text) where id = ${missionId}`);
    });
    return;
  }
  if (o.t === "move") {
    const u = pick(learners, o.user);
    const c = pick(cohortIds, o.cohort);
    if (o.join) await db.execute(sql`insert into cohort_members (cohort_id, user_id) values (${c}, ${u.id}) on conflict do nothing`);
    else await db.execute(sql`delete from cohort_members where cohort_id = ${c} and user_id = ${u.id}`);
    return;
  }
  if (attempts.length === 0) return;
  const id = pick(attempts, o.a);
  switch (o.t) {
    case "stage":
      await db.execute(sql`insert into stage_completions (progress_id, stage_key) values (${id}, ${pick(STAGES, o.stage)}) on conflict do nothing`);
      return;
    case "decision":
      await db.execute(sql`insert into decisions_made (progress_id, decision_key, choice_key) values (${id}, ${o.decision}, ${pick(DECISIONS[o.decision], o.choice)})
        on conflict (progress_id, decision_key) do update set choice_key = excluded.choice_key`);
      return;
    case "hint":
      await db.execute(sql`insert into hints_unlocked (progress_id, stage_key, level, penalty) values (${id}, ${pick(STAGES, o.stage)}, ${o.level}, ${o.level * 2}) on conflict do nothing`);
      return;
    case "tool":
      await db.execute(sql`insert into tools_used (progress_id, stage_key, tool) values (${id}, 'triage', ${o.tool}) on conflict do nothing`);
      return;
    case "time":
      await db.execute(sql`insert into stage_time (progress_id, stage_key, mission_id, visible_ms, visits) values (${id}, ${pick(STAGES, o.stage)}, ${missionId}, ${o.ms}, 1)
        on conflict (progress_id, stage_key) do update set visible_ms = stage_time.visible_ms + excluded.visible_ms, visits = stage_time.visits + 1`);
      return;
    case "untimed": {
      const [p] = await rows<{ user_id: string }>(db, sql`select user_id::text from mission_progress where id = ${id}`);
      if (!p) return;
      const stage = pick(STAGES, o.stage);
      const t0 = Date.now() - 3 * DAY + Math.floor(Math.random() * DAY);
      const e = (type: "stage.entered" | "stage.left", at: number) => ({ eventId: randomUUID(), type, userId: p.user_id, occurredAt: new Date(at), missionId, progressId: id, stageKey: stage, recipeId: null, payload: {} });
      await insertEvents({ events: [e("stage.entered", t0), e("stage.left", t0 + o.seconds * 1000)] });
      return;
    }
    case "submit":
      await db.execute(sql`update mission_progress set state = 'submitted', submitted_at = started_at + make_interval(mins => ${o.minutes}), score = ${o.score}, current_stage = null
        where id = ${id} and submitted_at is null`);
      return;
    case "review": {
      // A review, or a re-review of the same submission (a later version): the attempt's outcome and
      // score change with it, and a rubric score is written.
      const version = (reviewVersion.get(id) ?? 0) + 1;
      reviewVersion.set(id, version);
      await db.transaction(async (t) => {
        const [rv] = await rows<{ id: string }>(
          t,
          sql`insert into reviews (progress_id, mentor_id, based_on_version, outcome, score, passed)
              values (${id}, ${mentor.id}, ${version}, ${o.passed ? "approved" : "failed"}, ${o.score}, ${o.passed}) returning id::text as id`,
        );
        await t.execute(sql`insert into review_scores (review_id, criterion_key, stage_key, level_index, points, max_points) values (${rv.id}, ${pick(CRITERIA, o.points)}, null, 0, ${o.points}, 4)`);
        await t.execute(sql`update mission_progress set state = ${o.passed ? "approved" : "failed"}, passed = ${o.passed}, score = ${o.score},
            submitted_at = coalesce(submitted_at, started_at + interval '1 hour') where id = ${id}`);
      });
      return;
    }
    case "activity":
      await db.execute(sql`update mission_progress set last_activity_at = now() - make_interval(days => ${o.daysAgo}, secs => ${o.daysAgo * 97}),
          current_stage = case when submitted_at is null and ${o.stage !== null} then ${o.stage === null ? null : pick(STAGES, o.stage)} else current_stage end
        where id = ${id}`);
      return;
    case "delete":
      await db.execute(sql`delete from mission_progress where id = ${id}`);
      attempts.splice(attempts.indexOf(id), 1);
      return;
  }
}

/** Everything the aggregates hold, in a stable order. */
async function snapshot() {
  return {
    daily: await rows(db, sql`select scope, kind, mission_id::text, day::text, key, sub, value, n, n2, n3, trim_scale(total)::text as total from analytics_daily order by 1, 2, 3, 4, 5, 6, 7`),
    totals: await rows(db, sql`select scope, kind, mission_id::text, key, sub, value, n, n2, n3, trim_scale(total)::text as total from analytics_totals order by 1, 2, 3, 4, 5, 6`),
    learners: await rows(db, sql`select scope, mission_id::text, day::text, user_id::text, n from analytics_learner_days order by 1, 2, 3, 4`),
    scopeLearners: await rows(db, sql`select scope, user_id::text, n from analytics_scope_learners order by 1, 2`),
    facts: await rows(db, sql`select progress_id::text, kind, key, sub, value, n, n2, n3, trim_scale(total)::text as total from analytics_facts order by 1, 2, 3, 4, 5`),
    attempts: await rows(db, sql`select progress_id::text, mission_id::text, user_id::text, day::text, scopes from analytics_attempts order by 1`),
  };
}

/** analytics_daily summed over its days, in the shape and order of the totals' snapshot. */
const dailySummedOverDays = () =>
  rows(
    db,
    sql`select scope, kind, mission_id::text, key, sub, value, sum(n)::int as n, sum(n2)::int as n2, sum(n3)::int as n3, trim_scale(sum(total))::text as total
        from analytics_daily group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0 or sum(n2) <> 0 or sum(n3) <> 0 or sum(total) <> 0 order by 1, 2, 3, 4, 5, 6`,
  );

/** Rows only one side holds, per table (readable when the property fails). */
function differences(a: Awaited<ReturnType<typeof snapshot>>, b: Awaited<ReturnType<typeof snapshot>>): string[] {
  const out: string[] = [];
  for (const table of Object.keys(a) as (keyof typeof a)[]) {
    const left = new Set(a[table].map((r) => JSON.stringify(r)));
    const right = new Set(b[table].map((r) => JSON.stringify(r)));
    for (const r of left) if (!right.has(r)) out.push(`${table} incremental only: ${r}`);
    for (const r of right) if (!left.has(r)) out.push(`${table} rebuild only: ${r}`);
  }
  return out;
}

beforeAll(async () => {
  await loadFixtures();
  [{ id: missionId }] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, "TEST-01"));
  mentor = await makeUser("mentor");
  learners = await Promise.all(Array.from({ length: 4 }, () => makeUser("learner")));
  const a = await makeCohort({ learners: [learners[0]] });
  const b = await makeCohort({ learners: [learners[1]] });
  // A second cohort of the first organisation: a learner in both counts once in the organisation.
  const [c] = await rows<{ id: string }>(db, sql`insert into cohorts (slug, name, organisation_id) values (${`${a.cohort.slug}-2`}, 'Second', ${a.org.id}) returning id::text as id`);
  cohortIds = [a.cohort.id, b.cohort.id, c.id];
  await rebuildAggregates();
});

describe("incremental aggregates", () => {
  it("equal a rebuild from the raw tables after any sequence of writes, wherever the consumer ran", async () => {
    // The widest state any run compared (its final state may be narrower: runs delete attempts too).
    const widest = { scopes: 0, days: 0, kinds: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        for (const o of ops) await run(o);
        await applyChanges();
        expect((await rows<{ n: number }>(db, sql`select count(*)::int as n from analytics_changes`))[0].n).toBe(0);
        const incremental = await snapshot();
        const daily = incremental.daily as { scope: string; day: string; kind: string }[];
        widest.scopes = Math.max(widest.scopes, new Set(daily.map((r) => r.scope)).size);
        widest.days = Math.max(widest.days, new Set(daily.map((r) => r.day)).size);
        widest.kinds = Math.max(widest.kinds, new Set(daily.map((r) => r.kind)).size);
        // Undated reads sum the all-time buckets, dated ones the days: both must give the same figures.
        expect(incremental.totals).toEqual(await dailySummedOverDays());
        expect(incremental.scopeLearners).toEqual(
          await rows(db, sql`select scope, user_id::text, sum(n)::int as n from analytics_learner_days group by 1, 2 having sum(n) <> 0 order by 1, 2`),
        );
        await rebuildAggregates();
        const rebuilt = await snapshot();
        expect(differences(incremental, rebuilt)).toEqual([]);
      }),
      { numRuns: Number(process.env.SORTIE_FUZZ_RUNS ?? 15), seed: process.env.SORTIE_FUZZ_SEED ? Number(process.env.SORTIE_FUZZ_SEED) : undefined },
    );
    // The runs compared something worth comparing: several scopes, days and kinds.
    expect(widest.scopes).toBeGreaterThanOrEqual(3);
    expect(widest.days).toBeGreaterThanOrEqual(3);
    expect(widest.kinds).toBeGreaterThanOrEqual(9);
  }, 180_000);

  it("apply a change at a cost that follows the attempt, not its mission's history", async () => {
    // One write to one attempt re-applies that attempt only, however many other attempts the mission has.
    for (let i = 0; i < 3; i++) await run({ t: "start", user: i, daysAgo: i, depth: 2 });
    await applyChanges();
    const [{ n: total }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from mission_progress where mission_id = ${missionId}`);
    expect(Number(total)).toBeGreaterThanOrEqual(3);
    const [one] = await rows<{ id: string }>(db, sql`select id::text as id from mission_progress where mission_id = ${missionId} limit 1`);
    await db.execute(sql`insert into tools_used (progress_id, stage_key, tool) values (${one.id}, 'report', 'single-change') on conflict do nothing`);
    expect(await applyChanges()).toEqual({ changes: 1, attempts: 1 });
  });

  it("apply an attempt's every logged change in one batch, however many came in between", async () => {
    // An attempt in use is logged again with each telemetry batch: the batch that takes its oldest
    // changes takes its later ones too (applying reads its current state), not only the first 5,000.
    await applyChanges();
    const [a, b] = await rows<{ id: string }>(db, sql`select id::text as id from mission_progress where mission_id = ${missionId} order by id limit 2`);
    expect(b).toBeDefined();
    await db.execute(sql`insert into analytics_changes (progress_id) select ${a.id}::uuid from generate_series(1, 5000)`);
    await db.execute(sql`insert into analytics_changes (progress_id) values (${b.id})`);
    await db.execute(sql`insert into analytics_changes (progress_id) select ${a.id}::uuid from generate_series(1, 3000)`);
    expect(await applyChanges(db, { batches: 1 })).toEqual({ changes: 8000, attempts: 1 });
    expect(await applyChanges(db, { batches: 1 })).toEqual({ changes: 1, attempts: 1 });
  });
});
