import { afterEach, describe, expect, it } from "vitest";
import { GET as overviewRoute } from "@/app/api/v1/admin/jobs/route";
import { call, makeUser } from "@/test/helpers";
import { startBoss, type BossRunner } from "./boss";
import { startEmbedded } from "./embedded";
import { jobDefinitions, type JobDefinition, type JobName } from "./definitions";

const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
};

function definition(name: string, run: JobDefinition["run"], extra: Partial<JobDefinition> = {}): JobDefinition {
  return { name: name as JobName, description: name, retryLimit: 2, retryDelay: 1, expireInSeconds: 60, run, ...extra };
}

describe("admin jobs API", () => {
  it("is for admins only: 401 signed out, 403 for learners, mentors and enterprise viewers", async () => {
    expect((await call(overviewRoute)).status).toBe(401);
    for (const role of ["learner", "mentor", "enterprise"] as const) {
      const r = await call(overviewRoute, { token: (await makeUser(role)).token });
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe("forbidden");
    }
  });

  it("lists every queue with its counts, last run and failures for an admin", async () => {
    const r = await call(overviewRoute, { token: (await makeUser("admin")).token });
    expect(r.status).toBe(200);
    expect(r.json.queues.map((q: { name: string }) => q.name)).toEqual(["sweep-deadlines", "analytics-maintenance", "second-opinion", "ai-suggestions", "retention"]);
  });
});

describe("embedded runner (PGlite demo)", () => {
  it("runs a failing job again with backoff until it succeeds, and keeps the failure on record", async () => {
    let calls = 0;
    const flaky = definition("flaky", async () => {
      calls += 1;
      if (calls === 1) throw new Error("upstream timeout");
      return { ok: true };
    }, { retryDelay: 0.05 });
    const r = startEmbedded({ definitions: [flaky], instance: "solo", intervalSeconds: () => 0 });
    try {
      await r.send("flaky", {});
      await until(() => r.history().some((x) => x.state === "completed"));
      const history = r.history();
      expect(history.map((x) => [x.state, x.retryCount])).toEqual([["completed", 1], ["failed", 0]]);
      expect(history[1].output).toEqual({ message: "upstream timeout (on solo)" });
      expect(history[0].output).toEqual({ instance: "solo", ok: true });
    } finally {
      await r.stop();
    }
  });

  it("drops a second send with the same id (one second opinion per submission)", async () => {
    let calls = 0;
    const r = startEmbedded({ definitions: [definition("once", async () => ({ n: ++calls }))], instance: "solo", intervalSeconds: () => 0 });
    expect(await r.send("once", {}, { id: "p1" })).toBe("p1");
    expect(await r.send("once", {}, { id: "p1" })).toBeNull();
    await until(() => r.history().every((x) => x.state !== "active"));
    await r.stop();
    expect(calls).toBe(1);
  });
});

// Two pg-boss instances on one Postgres, as two app instances would run them.
if (process.env.SORTIE_TEST_BASE_URL) {
  describe("pg-boss: two instances on one Postgres", () => {
    const runners: BossRunner[] = [];
    afterEach(async () => {
      await Promise.all(runners.splice(0).map((r) => r.stop(2_000)));
    });
    const pair = async (definitions: JobDefinition[], bossOptions = {}) => {
      const url = process.env.DATABASE_URL!;
      for (const instance of ["a", "b"]) runners.push(await startBoss({ url, definitions, instance, pollingIntervalSeconds: 0.5, bossOptions }));
      return runners;
    };

    it("runs each of 30 jobs sent through both instances exactly once", async () => {
      const ran: string[] = [];
      const [a, b] = await pair([definition("work", async (data) => (ran.push(String(data.n)), {}))]);
      for (let n = 0; n < 30; n++) await (n % 2 ? a : b).send("work", { n });
      await until(() => ran.length >= 30);
      await new Promise((r) => setTimeout(r, 1_500)); // any second run would show up here
      expect(ran.sort()).toEqual(Array.from({ length: 30 }, (_, n) => String(n)).sort());
      const byInstance = await a.boss.getDb().executeSql("select output->>'instance' as instance, count(*)::int as n from pgboss.job where name = 'work' and state = 'completed' group by 1", []);
      expect(byInstance.rows.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(30);
    });

    it("queues one second opinion per submission however many instances ask", async () => {
      let calls = 0;
      const [a, b] = await pair([definition("opinion", async () => ({ n: ++calls }))]);
      const id = "6f1c1f7e-9a59-4a7e-8d1e-3b0f3d2a9c11";
      const sent = await Promise.all([a.send("opinion", { id }, { id }), b.send("opinion", { id }, { id }), a.send("opinion", { id }, { id })]);
      expect(sent.filter(Boolean)).toEqual([id]);
      await until(() => calls > 0);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(calls).toBe(1);
    });

    it("retries a failed run with backoff and records the instance of each failure", async () => {
      let calls = 0;
      const [a] = await pair([definition("flaky", async () => {
        calls += 1;
        if (calls < 3) throw new Error("upstream timeout");
        return { ok: true };
      }, { retryLimit: 3 })]);
      const id = await a.send("flaky", {});
      await until(async () => (await a.boss.getJobById("flaky", id!))?.state === "completed", 30_000);
      const job = await a.boss.getJobById("flaky", id!);
      expect(calls).toBe(3);
      expect(job?.retryCount).toBe(2);
      expect(job?.retryBackoff).toBe(true);
      expect((job?.output as { instance?: string }).instance).toMatch(/^(a|b)$/);
    });

    it("shows admins which instance ran the last deadline sweep, and the failures with their instance", async () => {
      const real = jobDefinitions().map((d) => (d.name === "retention" ? { ...d, retryLimit: 0, run: async () => Promise.reject(new Error("disk full")) } : d));
      const [a] = await pair(real);
      const sweep = await a.send("sweep-deadlines", {});
      const retention = await a.send("retention", {});
      await until(async () => (await a.boss.getJobById("sweep-deadlines", sweep!))?.state === "completed" && (await a.boss.getJobById("retention", retention!))?.state === "failed");
      const r = await call(overviewRoute, { token: (await makeUser("admin")).token });
      expect(r.status).toBe(200);
      expect(r.json.runner).toBe("pg-boss");
      const q = Object.fromEntries(r.json.queues.map((x: { name: string }) => [x.name, x]));
      expect(q["sweep-deadlines"].schedule).toBe("* * * * *");
      expect(q["sweep-deadlines"].last_run).toMatchObject({ id: sweep, state: "completed", error: null });
      expect(q["sweep-deadlines"].last_run.instance).toMatch(/^(a|b)$/);
      expect(q["sweep-deadlines"].counts.completed).toBeGreaterThanOrEqual(1);
      expect(q.retention.failures[0]).toMatchObject({ id: retention, state: "failed" });
      expect(q.retention.failures[0].error).toMatch(/^disk full \(on (a|b)\)$/);
      expect(q.retention.counts.failed).toBe(1);
    });

    it("sends a scheduled job once per minute for the whole cluster, whichever instances watch the clock", async () => {
      const ran: string[] = [];
      const started = Date.now();
      await pair([definition("tick", async () => (ran.push("tick"), {}), { cron: "* * * * *" })], { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 });
      await until(() => ran.length > 0, 30_000);
      await new Promise((r) => setTimeout(r, 4_000)); // both instances check the clock several times meanwhile
      const slots = Math.floor(Date.now() / 60_000) - Math.floor(started / 60_000) + 1;
      expect(ran.length).toBeGreaterThanOrEqual(1);
      expect(ran.length).toBeLessThanOrEqual(slots);
    });
  });
}
