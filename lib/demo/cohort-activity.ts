import "server-only";
import { randomBytes } from "node:crypto";
import { eq, inArray, like, sql } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import {
  cohortMembers, cohorts, decisionsMade, evidence, foundationCompletions, foundationModules, hintsUnlocked, mentorAssignments, missionProgress, missions,
  organisations, portfolioItems, recipeProgress, recipeUses, recipes, reviewScores, reviews, stageCompletions, toolsUsed, trackEnrolments, users,
} from "@/lib/db/schema";
import type { MissionContent } from "@/lib/content/schemas";
import { missionContent } from "@/lib/db/queries/missions";
import { computePrescore } from "@/lib/missions/prescore";
import { evidenceStore, persistEvidence } from "@/lib/storage";
import { removeStaged, stageBytes } from "@/lib/storage/staging";
import { recordEvents } from "@/lib/telemetry/record";
import { simulateAttempt, type Learner, type MissionInfo, type Simulated } from "./simulate";
import { FIRST_NAMES, LAST_NAMES } from "./voices";
import { writeDoubleMarking } from "./double-marking";

// Cohorts of generated learners for the demo (issue 17 item 8): ~100 learners in four cohorts of
// three organisations, each with a few weeks of attempts simulated by lib/demo/simulate.ts from a
// seeded random source, then written in batches (a few multi-row inserts per table, one
// transaction), so seeding stays quick on embedded PGlite. Their volume is what lets recipe
// effectiveness, nudge lift, hint effectiveness and the SIEM-01 paths show intervals and spread.

const DOMAIN = "learners.demo.sortie.dev";
const SEED = 20261207;
const DAY = 86_400_000;

/** mulberry32: small, fast and deterministic; quality is ample for demo data. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CohortPlan { slug: string; name: string; org: string; daysAgo: number; size: number; track: "defender" | "grc"; mentor: "sam" | "ravi" }
const COHORTS: CohortPlan[] = [
  { slug: "northwind-soc-2026", name: "Northwind SOC Academy 2026", org: "northwind", daysAgo: 75, size: 30, track: "defender", mentor: "sam" },
  { slug: "northwind-soc-2027", name: "Northwind SOC Academy 2027", org: "northwind", daysAgo: 38, size: 24, track: "defender", mentor: "sam" },
  { slug: "fabrikam-blue-team-2026", name: "Fabrikam Health Blue Team 2026", org: "fabrikam", daysAgo: 58, size: 26, track: "defender", mentor: "ravi" },
  { slug: "contoso-grc-2026", name: "Contoso GRC Graduates 2026", org: "contoso-bank", daysAgo: 64, size: 20, track: "grc", mentor: "ravi" },
];
const PLAN: Record<CohortPlan["track"], string[]> = { defender: ["SIEM-01", "PHISH-01", "SIEM-02"], grc: ["POL-01", "RISK-01", "ISO-02"] };

const chunks = <T>(list: T[], n = 400) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, (i + 1) * n));
async function insertAll<T>(tx: Tx, table: Parameters<Tx["insert"]>[0], values: T[]) {
  for (const part of chunks(values)) await tx.insert(table).values(part as never);
}

/** Adds the generated cohorts once (skipped when their learners exist). Returns how many attempts it wrote. */
export async function seedCohortActivity({ passwordHash: hashOnce, mentorId, demoCohortId }: { passwordHash: () => Promise<string>; mentorId: string; demoCohortId?: string }): Promise<number> {
  const [exists] = await db.select({ id: users.id }).from(users).where(like(users.email, `%@${DOMAIN}`)).limit(1);
  if (exists) return 0;
  const rng = seededRandom(SEED);
  const now = new Date();
  const passwordHash = await hashOnce();

  await db.insert(organisations).values({ slug: "fabrikam", name: "Fabrikam Health" }).onConflictDoNothing();
  const orgs = new Map((await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)).map((o) => [o.slug, o.id]));
  await db.insert(cohorts).values(COHORTS.map((c) => ({ slug: c.slug, name: c.name, organisationId: orgs.get(c.org)!, startsOn: new Date(now.getTime() - c.daysAgo * DAY) }))).onConflictDoNothing();
  const cohortIds = new Map((await db.select({ id: cohorts.id, slug: cohorts.slug }).from(cohorts)).map((c) => [c.slug, c.id]));
  await db.insert(users).values({ email: `ravi.menon@${DOMAIN.replace("learners.", "")}`, name: "Ravi Menon", role: "mentor", passwordHash }).onConflictDoNothing();
  const [ravi] = await db.select({ id: users.id }).from(users).where(eq(users.email, `ravi.menon@${DOMAIN.replace("learners.", "")}`));
  const mentorOf = { sam: mentorId, ravi: ravi.id };

  // Learners: unique names from the two lists, a skill and a diligence each.
  const people: (Learner & { cohort: CohortPlan; email: string })[] = [];
  let n = 0;
  for (const c of COHORTS) {
    for (let i = 0; i < c.size; i++, n++) {
      const first = FIRST_NAMES[(n * 7) % FIRST_NAMES.length];
      const last = LAST_NAMES[(n * 11 + Math.floor(n / FIRST_NAMES.length)) % LAST_NAMES.length];
      const skill = Math.min(0.97, 0.15 + 0.8 * ((rng() + rng()) / 2));
      people.push({ id: "", name: `${first} ${last}`, email: `${first}.${last}.${n}@${DOMAIN}`.toLowerCase(), skill, diligence: rng(), cohort: c });
    }
  }
  const inserted = await db.insert(users).values(people.map((p) => ({ email: p.email, name: p.name, role: "learner" as const, passwordHash, organisationId: orgs.get(p.cohort.org)! }))).returning({ id: users.id, email: users.email });
  const idOf = new Map(inserted.map((u) => [u.email, u.id]));
  for (const p of people) p.id = idOf.get(p.email)!;

  const catalogue = await db.select({ id: missions.id, code: missions.code, version: missions.version }).from(missions).where(inArray(missions.code, [...PLAN.defender, ...PLAN.grc]));
  const recipeIds = new Map((await db.select({ id: recipes.id, slug: recipes.slug }).from(recipes)).map((r) => [r.slug, r.id]));
  const info = new Map<string, MissionInfo>();
  for (const m of catalogue) info.set(m.code, { ...m, content: (await missionContent({ missionId: m.id, version: m.version })) as MissionContent, recipeIds });

  // Each learner's attempts, in order: a failed attempt may be retried; the next mission of the
  // track follows after a few days; the intermediate one only after passing both beginners.
  const sims: Simulated[] = [];
  for (const p of people) {
    let day = now.getTime() - p.cohort.daysAgo * DAY + rng() * 9 * DAY;
    let passes = 0;
    for (const [i, code] of PLAN[p.cohort.track].entries()) {
      const m = info.get(code);
      if (!m || (i === 2 && passes < 2) || day > now.getTime() - 6 * 3600_000) break;
      for (let attempt = 1; attempt <= 2; attempt++) {
        const start = new Date(day + (8 + rng() * 12) * 3600_000);
        if (start > now) break;
        const s = simulateAttempt(rng, p, m, attempt, start, now);
        sims.push(s);
        day = s.progress.lastActivityAt.getTime() + (1 + rng() * 5) * DAY;
        if (s.progress.passed) passes++;
        if (s.progress.state !== "failed" || rng() < 0.4) break;
        p.skill = Math.min(0.97, p.skill + 0.15); // learned from the first attempt
      }
      if (sims.at(-1)?.progress.state === "in_progress") break; // stopped coming back
    }
  }

  // Evidence files go to the store first (as uploads do), then every row in one transaction.
  const files = sims.flatMap((s) => s.evidence.map((e) => {
    const bytes = new TextEncoder().encode(e.text);
    return { s, e, file: stageBytes({ name: e.name, bytes, contentType: "text/plain", kind: "text" }, evidenceStore().staging) };
  }));
  let persisted: Awaited<ReturnType<typeof persistEvidence>>;
  try {
    persisted = await persistEvidence(files.map((f) => f.file));
  } finally {
    await removeStaged(files.map((f) => f.file.path));
  }
  const modules = await db.select({ id: foundationModules.id }).from(foundationModules);
  try {
    await db.transaction(async (tx) => {
      await insertAll(tx, cohortMembers, people.map((p) => ({ cohortId: cohortIds.get(p.cohort.slug)!, userId: p.id })));
      for (const c of COHORTS) {
        const cohortId = cohortIds.get(c.slug)!;
        const [has] = await tx.select({ id: mentorAssignments.id }).from(mentorAssignments).where(sql`${mentorAssignments.cohortId} = ${cohortId} and ${mentorAssignments.mentorId} = ${mentorOf[c.mentor]}`);
        if (!has) await tx.insert(mentorAssignments).values({ mentorId: mentorOf[c.mentor], cohortId });
      }
      // Ravi co-mentors the demo cohort: a second mentor there can give blind second marks (SPEC §7).
      if (demoCohortId) await tx.insert(mentorAssignments).values({ mentorId: ravi.id, cohortId: demoCohortId });
      await insertAll(tx, foundationCompletions, people.flatMap((p) => modules.map((m) => ({ userId: p.id, moduleId: m.id, completedAt: new Date(now.getTime() - p.cohort.daysAgo * DAY) }))));
      await insertAll(tx, trackEnrolments, people.map((p) => ({ userId: p.id, track: p.cohort.track })));
      await insertAll(tx, missionProgress, sims.map((s) => ({ ...s.progress, prescore: prescoreOf(s, info), deadlineAt: null, createdAt: s.progress.startedAt, updatedAt: s.progress.lastActivityAt })));
      await insertAll(tx, stageCompletions, sims.flatMap((s) => s.completions));
      await insertAll(tx, decisionsMade, sims.flatMap((s) => s.decisions));
      await insertAll(tx, hintsUnlocked, sims.flatMap((s) => s.hints));
      await insertAll(tx, toolsUsed, sims.flatMap((s) => s.tools));
      await insertAll(tx, evidence, files.map((f, i) => ({ progressId: f.s.progress.id, userId: f.s.progress.userId, stageKey: f.e.stageKey, kind: "file", fileName: f.file.name, contentType: "text/plain", size: f.file.size, sha256: f.file.sha256, storageKey: persisted.files[i].storageKey, createdAt: f.e.at })));
      await writeRecipeUse(tx, sims);
      const reviewOf = await writeReviews(tx, sims, people, mentorOf, info);
      const cohortOfLearner = new Map(people.map((p) => [p.id, p.cohort.mentor]));
      const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
      await writeDoubleMarking(tx, {
        sims,
        reviewOf,
        firstMentor: (s) => mentorOf[cohortOfLearner.get(s.progress.userId)!],
        secondMentor: (s) => mentorOf[cohortOfLearner.get(s.progress.userId) === "sam" ? "ravi" : "sam"],
        lenientMentor: ravi.id,
        adminId: admin?.id ?? null,
        info,
        start: new Date(now.getTime() - Math.max(...COHORTS.map((c) => c.daysAgo)) * DAY),
        now,
      });
      for (const part of chunks(sims.flatMap((s) => s.events), 1000)) await recordEvents(tx, part);
    });
  } catch (e) {
    await persisted.discard();
    throw e;
  }
  return sims.length;
}

function prescoreOf(s: Simulated, info: Map<string, MissionInfo>) {
  if (!s.progress.submittedAt) return null;
  const m = [...info.values()].find((x) => x.id === s.progress.missionId)!;
  return computePrescore({
    mission: m.content,
    path: s.progress.path,
    completions: s.completions.map((c) => ({ stageKey: c.stageKey, notes: c.notes, answer: c.answer })),
    evidence: s.evidence.map((e) => ({ stageKey: e.stageKey, kind: "file" as const, contentType: "text/plain" })),
    reflection: s.progress.reflection,
  });
}

/** recipe_progress (views, completion) per learner and recipe, and recipe_uses per attempt and stage. */
async function writeRecipeUse(tx: Tx, sims: Simulated[]) {
  const progress = new Map<string, { userId: string; recipeId: string; viewCount: number; firstViewedAt: Date; lastViewedAt: Date; completedAt: Date | null; stepsCompleted: number[] }>();
  const uses = new Map<string, { userId: string; recipeId: string; missionId: string; progressId: string; stageKey: string; createdAt: Date }>();
  for (const s of sims) {
    for (const r of s.recipeUse) {
      const k = `${s.progress.userId}:${r.recipeId}`;
      const p = progress.get(k) ?? { userId: s.progress.userId, recipeId: r.recipeId, viewCount: 0, firstViewedAt: r.at, lastViewedAt: r.at, completedAt: null, stepsCompleted: [] };
      p.viewCount++;
      p.lastViewedAt = r.at;
      if (r.completed) {
        p.completedAt ??= r.at;
        p.stepsCompleted = [0, 1, 2];
      }
      progress.set(k, p);
      if (r.markedUsed) uses.set(`${k}:${s.progress.id}:${r.stageKey}`, { userId: s.progress.userId, recipeId: r.recipeId, missionId: s.progress.missionId, progressId: s.progress.id, stageKey: r.stageKey, createdAt: r.at });
    }
  }
  await insertAll(tx, recipeProgress, [...progress.values()]);
  await insertAll(tx, recipeUses, [...uses.values()]);
}

async function writeReviews(tx: Tx, sims: Simulated[], people: (Learner & { cohort: CohortPlan })[], mentorOf: Record<"sam" | "ravi", string>, info: Map<string, MissionInfo>) {
  const reviewed = sims.filter((s) => s.review);
  const cohortOf = new Map(people.map((p) => [p.id, p.cohort]));
  const rows = await tx
    .insert(reviews)
    .values(reviewed.map((s) => ({ progressId: s.progress.id, mentorId: mentorOf[cohortOf.get(s.progress.userId)!.mentor], basedOnVersion: 2, outcome: s.review!.outcome, score: s.review!.score, passed: s.review!.passed, feedback: s.review!.feedback, createdAt: s.review!.at })))
    .returning({ id: reviews.id, progressId: reviews.progressId });
  const reviewOf = new Map(rows.map((r) => [r.progressId, r.id]));
  await insertAll(tx, reviewScores, reviewed.flatMap((s) => s.review!.scores.map((x) => ({ ...x, reviewId: reviewOf.get(s.progress.id)! }))));
  const approved = reviewed.filter((s) => s.review!.outcome === "approved");
  await insertAll(tx, portfolioItems, approved.map((s) => {
    const m = [...info.values()].find((x) => x.id === s.progress.missionId)!;
    return {
      userId: s.progress.userId, progressId: s.progress.id, missionId: m.id, code: m.code, title: m.content.title, track: m.content.track, tier: m.content.tier, score: s.review!.score,
      rubricSummary: s.review!.rubricSummary, reflection: s.progress.reflection ?? "", evidence: [], completedAt: s.review!.at, publicSlug: `${m.code.toLowerCase()}-${randomBytes(6).toString("hex")}`,
    };
  }));
  return reviewOf;
}
