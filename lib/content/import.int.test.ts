import { describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { hints, missionStages, missionVersions, missions, recipes, recipeLinks } from "@/lib/db/schema";
import { exportPack, importPack } from "./import";
import { fixtureMission, fixturePack } from "@/test/fixtures";
import { AppError } from "@/lib/errors";

async function counts() {
  const [m] = await db.select({ n: count() }).from(missions);
  const [s] = await db.select({ n: count() }).from(missionStages);
  const [r] = await db.select({ n: count() }).from(recipes);
  const [v] = await db.select({ n: count() }).from(missionVersions);
  const [l] = await db.select({ n: count() }).from(recipeLinks);
  const [h] = await db.select({ n: count() }).from(hints);
  return { m: m.n, s: s.n, r: r.n, v: v.n, l: l.n, h: h.n };
}

describe("content pack import", () => {
  it("imports a valid pack and a second import changes nothing", async () => {
    const first = await importPack(fixturePack());
    expect(first.missions.created).toEqual(["TEST-01"]);
    const before = await counts();
    expect(before.s).toBe(5);
    const second = await importPack(fixturePack());
    expect(second.missions.unchanged).toEqual(["TEST-01"]);
    expect(await counts()).toEqual(before);
  });

  it("writes nothing when any part of the pack is broken, and reports every error by path", async () => {
    const broken = {
      ...fixtureMission,
      code: "TEST-02",
      stages: fixtureMission.stages.map((s, i) => (i === 0 ? { ...s, hints: [{ text: "x", penalty: -1 }] } : s)),
      decisions: [{ ...fixtureMission.decisions![0], choices: [{ ...fixtureMission.decisions![0].choices[0], next_stage: "nowhere" }, fixtureMission.decisions![0].choices[1]] }],
    };
    const before = await counts();
    const err = await importPack(fixturePack({ missions: [fixtureMission, broken] })).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.fields["missions[1].stages[0].hints[0].penalty"]).toMatch(/≥ 0/);
    expect(await counts()).toEqual(before);
    // Graph errors are reported too once the shape is valid.
    const dangling = { ...broken, stages: fixtureMission.stages };
    const err2 = await importPack(fixturePack({ missions: [dangling] })).catch((e) => e);
    expect(err2.fields["missions[0].decisions[0].choices[0].next_stage"]).toMatch(/unknown stage "nowhere"/);
    expect(await counts()).toEqual(before);
  });

  it("bumps the version of a changed mission and keeps the old version's content", async () => {
    await importPack(fixturePack());
    const [m1] = await db.select().from(missions).where(eq(missions.code, "TEST-01"));
    await importPack(fixturePack({ missions: [{ ...fixtureMission, title: "Fixture: brute force triage (revised)" }] }));
    const [m2] = await db.select().from(missions).where(eq(missions.code, "TEST-01"));
    expect(m2.version).toBe(m1.version + 1);
    const versions = await db.select().from(missionVersions).where(eq(missionVersions.missionId, m1.id));
    expect(versions.map((v) => v.version).sort()).toEqual([m1.version, m1.version + 1]);
    expect(versions.find((v) => v.version === m1.version)!.content.title).toBe(m1.title);
  });

  it("exports what was imported", async () => {
    await importPack(fixturePack());
    const pack = await exportPack();
    expect(pack.missions.map((m) => m.code)).toContain("TEST-01");
    expect(pack.recipes.map((r) => r.slug)).toEqual(expect.arrayContaining(["grep-auth-logs", "write-sigma-rule"]));
    // Re-importing the export is a no-op.
    const again = await importPack(pack);
    expect(again.missions.updated).toEqual([]);
  });
});
