import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db";
import { cohortMembers, cohorts, foundationCompletions, foundationModules, mentorAssignments, organisations, users } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema/enums";
import { createApiToken } from "@/lib/auth/tokens";
import type { Caller } from "@/lib/auth/session";
import type { Contract } from "@/lib/api/contract";
import { importPack } from "@/lib/content/import";
import { fixturePack } from "./fixtures";

// Cheap hash for test users: bcrypt at its lowest cost.
const FAST_HASH = bcrypt.hashSync("test-password-123", 4);
export const TEST_PASSWORD = "test-password-123";

export interface TestUser extends Caller {
  token: string;
}

/** A user with a personal access token, for calling route handlers as them. */
export async function makeUser(role: Role = "learner", opts: { organisationId?: string | null; name?: string } = {}): Promise<TestUser> {
  const email = `${role}-${randomBytes(5).toString("hex")}@test.sortie.dev`;
  const [u] = await db
    .insert(users)
    .values({ email, name: opts.name ?? `Test ${role}`, role, organisationId: opts.organisationId ?? null, passwordHash: FAST_HASH })
    .returning();
  const t = await createApiToken({ userId: u.id, name: "test" });
  return { id: u.id, role, email, name: u.name, organisationId: u.organisationId, token: t.token };
}

export async function loadFixtures() {
  return importPack(fixturePack());
}

export async function completeFoundations(userId: string) {
  const mods = await db.select({ id: foundationModules.id }).from(foundationModules);
  if (mods.length) await db.insert(foundationCompletions).values(mods.map((m) => ({ userId, moduleId: m.id }))).onConflictDoNothing();
}

/** An organisation with a cohort, its learners, and a mentor assigned to the cohort. */
export async function makeCohort(opts: { learners?: TestUser[]; mentor?: TestUser } = {}) {
  const slug = `org-${randomBytes(4).toString("hex")}`;
  const [org] = await db.insert(organisations).values({ slug, name: `Org ${slug}` }).returning();
  const [cohort] = await db.insert(cohorts).values({ slug: `${slug}-c`, name: `Cohort ${slug}`, organisationId: org.id }).returning();
  for (const l of opts.learners ?? []) {
    await db.insert(cohortMembers).values({ cohortId: cohort.id, userId: l.id });
    await db.update(users).set({ organisationId: org.id }).where(eq(users.id, l.id));
  }
  if (opts.mentor) await db.insert(mentorAssignments).values({ mentorId: opts.mentor.id, cohortId: cohort.id });
  return { org, cohort };
}

type Handler = ((req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { contract?: Contract };

/** Keys the response has but its schema dropped: fields the contract does not document. */
function undocumented(raw: unknown, parsed: unknown, at = ""): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((v, i) => undocumented(v, parsed[i], `${at}[${i}]`));
  if (!raw || !parsed || typeof raw !== "object" || typeof parsed !== "object") return [];
  return Object.entries(raw).flatMap(([k, v]) => {
    const path = at ? `${at}.${k}` : k;
    return k in parsed ? undocumented(v, (parsed as Record<string, unknown>)[k], path) : [path];
  });
}

/**
 * Every successful JSON answer must be what the OpenAPI document says it is: the shape of the
 * contract's response schema, with no field it does not name.
 */
function checkResponse(contract: Contract, body: unknown) {
  const endpoint = `${contract.method.toUpperCase()} ${contract.path}`;
  if (!contract.response) throw new Error(`${endpoint} answered with JSON but its contract has no response schema (lib/api/contracts).`);
  const r = contract.response.safeParse(body);
  if (!r.success) throw new Error(`${endpoint}: the response does not match its contract's response schema (lib/api/contracts):\n${z.prettifyError(r.error)}`);
  const extra = undocumented(body, r.data);
  if (extra.length) throw new Error(`${endpoint}: the response has fields its contract's response schema does not document: ${extra.join(", ")}`);
}

/**
 * Calls a route handler the way Next would, with a Bearer token and JSON body, and checks a 2xx
 * JSON answer against the handler's contract.
 */
export async function call(
  handler: Handler,
  opts: { method?: string; path?: string; token?: string; body?: unknown; rawBody?: BodyInit; params?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const req = new Request(`http://localhost${opts.path ?? "/api/v1/test"}`, { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  if (res.ok && handler.contract && res.headers.get("content-type")?.includes("json")) checkResponse(handler.contract, json);
  return { status: res.status, json, headers: res.headers };
}
