import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { cohortMembers, cohorts, foundationCompletions, foundationModules, mentorAssignments, organisations, trackEnrolments, users } from "@/lib/db/schema";
import type { Role, Track } from "@/lib/db/schema/enums";
import { hashPassword } from "@/lib/auth/password";
import { importPack } from "@/lib/content/import";
import { demoPack } from "@/lib/content/demo-pack";

export const DEMO_PASSWORD = "sortie-demo";
export const DEMO = {
  learner: "learner@demo.sortie.dev",
  mentor: "mentor@demo.sortie.dev",
  admin: "admin@demo.sortie.dev",
  enterprise: "enterprise@demo.sortie.dev",
} as const;

/** Cohort peers of the demo learner, so cohort dashboards and benchmarks have people in them. */
export const DEMO_PEERS = [
  { email: "amara.okafor@demo.sortie.dev", name: "Amara Okafor" },
  { email: "jonas.berg@demo.sortie.dev", name: "Jonas Berg" },
  { email: "priya.raman@demo.sortie.dev", name: "Priya Raman" },
  { email: "lucas.moreau@demo.sortie.dev", name: "Lucas Moreau" },
  { email: "mei.tanaka@demo.sortie.dev", name: "Mei Tanaka" },
] as const;

async function ensureUser(email: string, name: string, role: Role, organisationId: string | null, passwordHash: string) {
  await db.insert(users).values({ email, name, role, organisationId, passwordHash }).onConflictDoNothing();
  const [u] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  return u.id;
}

/**
 * Seeds the demo: content pack, organisations, cohort, accounts, mentor assignment, the demo
 * learner's Foundations and tracks, then mission history. Idempotent: a second run changes nothing.
 */
export async function seedDemo() {
  await importPack(demoPack());

  await db.insert(organisations).values([
    { slug: "northwind", name: "Northwind Logistics" },
    { slug: "contoso-bank", name: "Contoso Bank" },
  ]).onConflictDoNothing();
  const orgs = new Map((await db.select({ id: organisations.id, slug: organisations.slug }).from(organisations)).map((o) => [o.slug, o.id]));
  const northwind = orgs.get("northwind")!;
  const contoso = orgs.get("contoso-bank")!;

  await db.insert(cohorts).values([
    { slug: "northwind-soc-2026", name: "Northwind SOC Academy 2026", organisationId: northwind, startsOn: new Date("2026-09-01T00:00:00Z") },
    { slug: "contoso-grc-2026", name: "Contoso GRC Graduates 2026", organisationId: contoso, startsOn: new Date("2026-10-01T00:00:00Z") },
  ]).onConflictDoNothing();
  const cohortIds = new Map((await db.select({ id: cohorts.id, slug: cohorts.slug }).from(cohorts)).map((c) => [c.slug, c.id]));
  const soc = cohortIds.get("northwind-soc-2026")!;
  const grc = cohortIds.get("contoso-grc-2026")!;

  // Hash once: bcrypt is deliberately slow, and every demo account shares the password.
  const [anyDemo] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.admin));
  const hash = anyDemo ? "" : await hashPassword(DEMO_PASSWORD);
  const ids = {
    learner: await ensureUser(DEMO.learner, "Dana Whitfield", "learner", northwind, hash),
    mentor: await ensureUser(DEMO.mentor, "Sam Okoye", "mentor", null, hash),
    admin: await ensureUser(DEMO.admin, "Alex Admin", "admin", null, hash),
    enterprise: await ensureUser(DEMO.enterprise, "Erin Castillo", "enterprise", northwind, hash),
  };
  const peerIds: string[] = [];
  for (const p of DEMO_PEERS) peerIds.push(await ensureUser(p.email, p.name, "learner", northwind, hash));
  const contosoLearner = await ensureUser("noah.fischer@demo.sortie.dev", "Noah Fischer", "learner", contoso, hash);

  await db
    .insert(cohortMembers)
    .values([ids.learner, ...peerIds].map((userId) => ({ cohortId: soc, userId })))
    .onConflictDoNothing();
  await db.insert(cohortMembers).values({ cohortId: grc, userId: contosoLearner }).onConflictDoNothing();
  const [existingMentor] = await db
    .select({ id: mentorAssignments.id })
    .from(mentorAssignments)
    .where(and(eq(mentorAssignments.mentorId, ids.mentor), eq(mentorAssignments.cohortId, soc)));
  if (!existingMentor) await db.insert(mentorAssignments).values({ mentorId: ids.mentor, cohortId: soc });

  const modules = await db.select({ id: foundationModules.id }).from(foundationModules);
  for (const learner of [ids.learner, ...peerIds.slice(0, 4)]) {
    await db.insert(foundationCompletions).values(modules.map((m) => ({ userId: learner, moduleId: m.id }))).onConflictDoNothing();
  }
  const tracks: Track[] = ["defender", "offensive", "grc"];
  await db.insert(trackEnrolments).values(tracks.map((track) => ({ userId: ids.learner, track }))).onConflictDoNothing();
  await db.insert(trackEnrolments).values(peerIds.map((userId) => ({ userId, track: "defender" as Track }))).onConflictDoNothing();

  const { seedHistory } = await import("./history");
  await seedHistory({ learnerId: ids.learner, mentorId: ids.mentor, adminId: ids.admin, peerIds, cohortId: soc });
  // ~100 generated learners with weeks of simulated activity, so every learning-loop figure has data.
  const { seedCohortActivity } = await import("./cohort-activity");
  await seedCohortActivity({ passwordHash: async () => hash || hashPassword(DEMO_PASSWORD), mentorId: ids.mentor, demoCohortId: soc });
  return ids;
}
