import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { missionSchema } from "@/lib/content/schemas";
import { fixtureMission } from "@/test/fixtures";
import { computePrescore } from "./prescore";
import { buildMessages, parseReply, requestSecondOpinion, type OpinionInput } from "./second-opinion";

const mission = missionSchema.parse(fixtureMission);
const input: OpinionInput = {
  mission,
  path: ["triage", "contain", "report"],
  completions: [{ stageKey: "triage", notes: "Found 203.0.113.45", answer: "203.0.113.45" }],
  reflection: "I found the attacker and blocked them.",
  prescore: computePrescore({ mission, path: ["triage"], completions: [], evidence: [], reflection: null }),
};

// A local stand-in for an OpenAI-compatible endpoint (no network beyond localhost).
let url = "";
let lastAuth = "";
let reply: { status: number; body: unknown } = { status: 200, body: {} };
const server = http.createServer((req, res) => {
  lastAuth = req.headers.authorization ?? "";
  req.resume();
  req.on("end", () => {
    res.writeHead(reply.status, { "content-type": "application/json" });
    res.end(JSON.stringify(reply.body));
  });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const content = (c: string) => ({ choices: [{ message: { content: c } }] });

describe("second opinion", () => {
  it("without an endpoint returns null (nothing pretends to be AI)", async () => {
    expect(await requestSecondOpinion(input, null)).toBeNull();
    expect(await requestSecondOpinion(input, { url: "", key: "" })).toBeNull();
  });

  it("parses a well-formed reply, labelled as AI with its model", async () => {
    reply = { status: 200, body: content('```json\n{"score": 71.26, "summary": "Right IP, thin containment.", "strengths": ["IOC found"], "concerns": ["No rule shown"]}\n```') };
    const o = await requestSecondOpinion(input, { url, key: "k-123", model: "local-model" });
    expect(o).toMatchObject({ source: "ai", model: "local-model", score: 71.3, summary: "Right IP, thin containment.", strengths: ["IOC found"], concerns: ["No rule shown"] });
    expect(lastAuth).toBe("Bearer k-123");
  });

  it("an error status, a malformed body or an out-of-range score gives null", async () => {
    reply = { status: 500, body: { error: "boom" } };
    expect(await requestSecondOpinion(input, { url, key: "k" })).toBeNull();
    reply = { status: 200, body: { nope: true } };
    expect(await requestSecondOpinion(input, { url, key: "k" })).toBeNull();
    reply = { status: 200, body: content('{"score": 140, "summary": "x"}') };
    expect(await requestSecondOpinion(input, { url, key: "k" })).toBeNull();
  });

  it("a slow endpoint times out to null", async () => {
    const slow = http.createServer(() => {});
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    const o = await requestSecondOpinion(input, { url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}`, key: "k", timeoutMs: 100 });
    expect(o).toBeNull();
    slow.closeAllConnections();
    await new Promise<void>((r) => slow.close(() => r()));
  });

  it("the prompt carries objectives, the learner's answers and the deterministic checks", () => {
    const [, user] = buildMessages(input);
    expect(user.content).toContain("Find the attacker");
    expect(user.content).toContain("Answer: 203.0.113.45");
    expect(user.content).toContain("Deterministic pre-score");
  });

  it("parseReply tolerates prose around the JSON and rejects junk", () => {
    expect(parseReply('Here: {"score": 50, "summary": "ok"} done')).toMatchObject({ score: 50, strengths: [] });
    expect(parseReply("no json")).toBeNull();
  });
});
