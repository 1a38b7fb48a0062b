import "server-only";
import { db, type Tx } from "@/lib/db";
import { findMission } from "@/lib/db/queries/missions";
import { markPairRows, markVsFinalRows, moderatedCount, moderationCounts, moderationSettingsRows, upsertModerationSettings } from "@/lib/db/queries/moderation";
import type { z } from "zod";
import type { doubleMarkingBodySchema } from "@/lib/api/contracts/moderation";
import { contentOf } from "@/lib/attempts/load";
import type { Caller } from "@/lib/auth/session";
import { errors } from "@/lib/errors";
import { MIN_PAIRS, pairTable, weightedKappa } from "./kappa";
import { driftByWeek } from "./moderation-rules";
import { reviewerName } from "./history";

// Calibration (SPEC §7): how far two blind mentors agree per criterion, and how each mentor's marks
// sit against the final ones over time. Admins only.

function adminOnly(caller: Caller) {
  if (caller.role !== "admin") throw errors.forbidden("Only an admin reads calibration and sets double-marking.");
}

export async function calibrationReport({ caller, tx = db }: { caller: Caller; tx?: Tx }) {
  adminOnly(caller);
  const [pairs, vsFinal, counts, moderated] = await Promise.all([markPairRows({ tx }), markVsFinalRows({ tx }), moderationCounts({ tx }), moderatedCount({ tx })]);

  // Pairs per (mission, criterion); a criterion's levels and title from the mission version marked.
  const groups = new Map<string, { code: string; title: string; key: string; criterionTitle: string; levels: number; pairs: [number, number][] }>();
  const contents = new Map<string, Awaited<ReturnType<typeof contentOf>>>();
  for (const r of pairs) {
    const ck = `${r.mission_id}:${r.version}`;
    if (!contents.has(ck)) contents.set(ck, await contentOf({ missionId: r.mission_id, version: r.version, tx }));
    const content = contents.get(ck)!;
    for (const [key, a] of Object.entries(r.first)) {
      const b = r.second[key];
      if (typeof b !== "number") continue;
      const c = content.rubric.find((x) => x.key === key);
      const g = groups.get(`${r.code}:${key}`) ?? { code: r.code, title: r.title, key, criterionTitle: c?.title ?? key, levels: 0, pairs: [] };
      g.levels = Math.max(g.levels, c?.levels.length ?? 0, a + 1, b + 1);
      g.pairs.push([a, b]);
      groups.set(`${r.code}:${key}`, g);
    }
  }
  const criteria = [...groups.values()].map((g) => {
    const enough = g.pairs.length >= MIN_PAIRS;
    const k = enough ? weightedKappa(pairTable(g.pairs, g.levels), "linear") : null;
    const round = (v: number) => Math.round(v * 1000) / 1000;
    return {
      mission: { code: g.code, title: g.title },
      criterion: { key: g.key, title: g.criterionTitle },
      levels: g.levels,
      pairs: g.pairs.length,
      not_enough_data: !enough,
      kappa: k ? round(k.kappa) : null,
      interval: k ? { low: round(k.low), high: round(k.high) } : null,
      exact_agreement: g.pairs.length ? round(g.pairs.filter(([a, b]) => a === b).length / g.pairs.length) : null,
    };
  });

  const byMentor = new Map<string, { name: string; marks: { at: Date; difference: number }[] }>();
  for (const r of vsFinal) {
    const m = byMentor.get(r.mentor_id) ?? { name: reviewerName(r.name), marks: [] };
    m.marks.push({ at: r.created_at, difference: r.score - r.final_score });
    byMentor.set(r.mentor_id, m);
  }
  const mentors = [...byMentor.entries()]
    .map(([id, m]) => ({
      mentor: { id, name: m.name },
      marks: m.marks.length,
      mean_difference: m.marks.length ? Math.round((m.marks.reduce((s, x) => s + x.difference, 0) / m.marks.length) * 10) / 10 : null,
      weeks: driftByWeek(m.marks),
    }))
    .sort((a, b) => Math.abs(b.mean_difference ?? 0) - Math.abs(a.mean_difference ?? 0) || a.mentor.name.localeCompare(b.mentor.name));

  return {
    weights: "linear" as const,
    min_pairs: MIN_PAIRS,
    criteria,
    mentors,
    moderation: { second_marking: counts.second_marking ?? 0, moderation: counts.moderation ?? 0, final: counts.final ?? 0, moderated },
  };
}
export type CalibrationReport = Awaited<ReturnType<typeof calibrationReport>>;

const toSetting = (r: Awaited<ReturnType<typeof moderationSettingsRows>>[number]) => ({
  mission: { id: r.missionId, code: r.code, title: r.title },
  double_marking_percent: r.percent,
  threshold_points: r.threshold,
  first_marks: r.firstMarks,
});

export async function doubleMarkingSettings({ caller, tx = db }: { caller: Caller; tx?: Tx }) {
  adminOnly(caller);
  return { items: (await moderationSettingsRows({ tx })).map(toSetting) };
}

export async function setDoubleMarking({ caller, mission, body }: { caller: Caller; mission: string; body: z.output<typeof doubleMarkingBodySchema> }) {
  adminOnly(caller);
  const m = await findMission({ idOrCode: mission });
  if (!m) throw errors.notFound("Mission");
  await db.transaction((tx) => upsertModerationSettings(tx, { missionId: m.id, percent: body.double_marking_percent, threshold: body.threshold_points, updatedBy: caller.id }));
  const row = (await moderationSettingsRows()).find((r) => r.missionId === m.id)!;
  return toSetting(row);
}
