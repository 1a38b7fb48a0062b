import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { apiTokens } from "@/lib/db/schema";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema/enums";
import { namedContracts } from "@/lib/api/contracts";
import { call, completeFoundations, loadFixtures, makeCohort, makeUser, type TestUser } from "@/test/helpers";
import { servedHandlers, type Served } from "@/test/routes";
import { sample } from "@/test/sample";
import * as start from "./missions/[id]/start/route";
import * as upload from "./missions/[id]/evidence/route";
import * as one from "./missions/[id]/evidence/[evidence]/route";
import * as progress from "./missions/[id]/progress/route";
import * as reviews from "./reviews/[progress]/route";
import * as cohortDashboard from "./enterprise/cohorts/[cohort]/dashboard/route";
import * as performance from "./missions/analytics/performance/route";
import * as tokens from "./me/tokens/[token]/route";
import * as me from "./me/route";

// The role × endpoint denial matrix (issue 19), generated from the permission map and the
// contracts: every endpoint, every role the map leaves out gets 403, anonymous gets 401, and a
// role the map lets in is never refused as such. Then the ownership cells: another learner's
// resources, an unassigned mentor, an enterprise viewer of another organisation (and of the
// learner's own, for raw evidence) get 404, and nothing reveals the resource exists.

const ROLES: Role[] = ["learner", "mentor", "admin", "enterprise"];
let users: Record<Role, TestUser>;
const served: Served[] = [];

function valid(s: z.ZodType | undefined) {
  return s ? ((sample(z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as object) ?? {}) as Record<string, unknown>) : {};
}

async function hit(s: Served, who: TestUser | null) {
  const c = s.contract;
  const params = Object.fromEntries(Object.entries(valid(c.params)).map(([k, v]) => [k, String(v)]));
  for (const m of c.path.matchAll(/\{(\w+)\}/g)) params[m[1]] ??= m[1] === "id" ? "TEST-01" : "x";
  const hasBody = c.method !== "get" && c.method !== "delete";
  return call(s.handler, { method: c.method.toUpperCase(), path: `/api/v1${c.path}`, token: who?.token, params, body: hasBody ? valid(c.body ?? c.documentedBody) : undefined });
}

beforeAll(async () => {
  await loadFixtures();
  users = { learner: await makeUser("learner"), mentor: await makeUser("mentor"), admin: await makeUser("admin"), enterprise: await makeUser("enterprise") };
  served.push(...(await servedHandlers()));
});

describe("role × endpoint, from the permission map", () => {
  const cells = namedContracts.filter((c) => c.contract.permission).flatMap(({ name, contract }) =>
    [null, ...ROLES].map((role) => ({ name, contract, role, allowed: role ? (PERMISSIONS[contract.permission!] as readonly Role[]).includes(role) : false })),
  );

  it.each(cells.map((c) => [`${c.contract.method.toUpperCase()} ${c.contract.path}`, c.role ?? "anonymous", c.allowed ? "let in" : "refused", c] as const))(
    "%s as %s: %s",
    async (_, __, ___, cell) => {
      const s = served.find((x) => x.contract === cell.contract)!;
      const r = await hit(s, cell.role ? users[cell.role] : null);
      if (!cell.role) {
        expect(r.status).toBe(401);
        expect(r.json.error.code).toBe("unauthorized");
      } else if (!cell.allowed) {
        expect(r.status).toBe(403);
        expect(r.json.error.code).toBe("forbidden");
      } else {
        expect([401, 403]).not.toContain(r.status);
        expect(r.status).toBeLessThan(500);
      }
    },
  );
});

describe("whose resource it is", () => {
  let owner: TestUser;
  let ownerToken: { id: string };
  let progressId: string;
  let evidenceId: string;
  let cohortId: string;
  const roles: Record<string, TestUser> = {};

  beforeAll(async () => {
    owner = await makeUser("learner");
    await completeFoundations(owner.id);
    progressId = (await call(start.POST, { token: owner.token, params: { id: "TEST-01" } })).json.id;
    const fd = new FormData();
    fd.set("stage", "triage");
    fd.append("files", new File(["203.0.113.45 10\n"], "counts.txt", { type: "text/plain" }));
    evidenceId = (await call(upload.POST, { token: owner.token, params: { id: "TEST-01" }, rawBody: fd })).json.evidence[0].id;
    roles.mentor = await makeUser("mentor");
    const { org, cohort } = await makeCohort({ learners: [owner], mentor: roles.mentor });
    cohortId = cohort.id;
    roles.ownEnterprise = await makeUser("enterprise", { organisationId: org.id });
    const other = await makeCohort({ learners: [await makeUser("learner")] });
    roles.otherEnterprise = await makeUser("enterprise", { organisationId: other.org.id });
    roles.otherLearner = await makeUser("learner");
    roles.strangerMentor = await makeUser("mentor");
    roles.admin = users.admin;
    [ownerToken] = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.userId, owner.id));
  });

  const evidence = () => ({ id: "TEST-01", evidence: evidenceId });

  it.each([
    ["otherLearner", 404],
    ["strangerMentor", 404],
    ["otherEnterprise", 404],
    ["ownEnterprise", 404],
    ["mentor", 200],
    ["admin", 200],
  ])("downloading the learner's evidence as %s: %i", async (who, status) => {
    const r = await call(one.GET, { token: roles[who].token, params: evidence() });
    expect(r.status).toBe(status);
    if (status === 404) expect(r.json.error.code).toBe("not_found");
  });

  it("another learner cannot read the attempt or remove its evidence", async () => {
    expect((await call(progress.GET, { token: roles.otherLearner.token, params: { id: "TEST-01" } })).status).toBe(404);
    expect([404, 409]).toContain((await call(one.DELETE, { token: roles.otherLearner.token, params: evidence() })).status);
    expect((await call(one.GET, { token: owner.token, params: evidence() })).status).toBe(200);
  });

  it("an unassigned mentor cannot open or review the submission, nor filter analytics by the cohort", async () => {
    expect((await call(reviews.GET, { token: roles.strangerMentor.token, params: { progress: progressId } })).status).toBe(404);
    expect((await call(reviews.POST, { token: roles.strangerMentor.token, params: { progress: progressId }, body: { decision: "approve", scores: {} } })).status).toBeOneOf([400, 404]);
    expect((await call(performance.GET, { token: roles.strangerMentor.token, path: `/api/v1/missions/analytics/performance?cohort=${cohortId}` })).status).toBe(404);
  });

  it("an enterprise viewer of another organisation cannot see the cohort's dashboard or analytics", async () => {
    expect((await call(cohortDashboard.GET, { token: roles.otherEnterprise.token, params: { cohort: cohortId } })).status).toBe(404);
    expect((await call(performance.GET, { token: roles.otherEnterprise.token, path: `/api/v1/missions/analytics/performance?cohort=${cohortId}` })).status).toBe(404);
    expect((await call(cohortDashboard.GET, { token: roles.ownEnterprise.token, params: { cohort: cohortId } })).status).toBe(200);
  });

  it("another user cannot revoke the learner's token", async () => {
    const r = await call(tokens.DELETE, { token: roles.otherLearner.token, params: { token: ownerToken.id } });
    expect(r.status).toBe(404);
    expect((await call(me.GET, { token: owner.token })).status).toBe(200);
  });
});
