import { describe, expect, it } from "vitest";
import { missionSchema, type MissionContent } from "@/lib/content/schemas";
import { fixtureMission } from "@/test/fixtures";
import { checkAnswer, computePrescore, kindOfContentType, normaliseIndicator, objectiveCovered, keywords, type PrescoreInput } from "./prescore";

const mission: MissionContent = missionSchema.parse(fixtureMission);

function input(over: Partial<PrescoreInput> = {}): PrescoreInput {
  return {
    mission,
    path: ["triage", "contain", "detect"],
    completions: [
      { stageKey: "triage", notes: "Source 203.0.113.45 had 40 failures; true positive.", answer: "203[.]0[.]113[.]45" },
      { stageKey: "contain", notes: "Blocked at the firewall.", answer: null },
      { stageKey: "detect", notes: "Sigma rule written.", answer: null },
    ],
    evidence: [{ stageKey: "triage", kind: "file", contentType: "text/plain" }],
    reflection:
      "I started by finding the attacker in the auth log: one source address produced nearly every failure. I decided on containment straight away because the attack was still running and blocking one address carries little risk. Next time I would write the detection before the report so the day shift can watch for the same pattern.",
    ...over,
  };
}

describe("normaliseIndicator", () => {
  it.each([
    ["hxxp://evil[.]example[.]com/x", "http://evil.example.com/x"],
    ["HXXPS://Evil(.)Example(.)com", "https://evil.example.com"],
    ["203[.]0[.]113[.]45", "203.0.113.45"],
    ["  203.0.113.45  ", "203.0.113.45"],
    ["10{.}0{.}0{.}1", "10.0.0.1"],
    ["evil[dot]example", "evil.example"],
    ["2001:db8[:]1", "2001:db8:1"],
    ["hxxp[://]evil[.]com", "http://evil.com"],
    ["attacker[at]evil[.]com", "attacker@evil.com"],
    ["Attacker(at)Evil.com", "attacker@evil.com"],
    ['"Root"', "root"],
  ])("%s → %s", (raw, want) => {
    expect(normaliseIndicator(raw)).toBe(want);
  });
});

describe("checkAnswer", () => {
  it("exact: matches despite case, spacing and defanging; rejects another value", () => {
    const check = { kind: "exact" as const, value: "hxxp://Evil.example/payload" };
    expect(checkAnswer(check, "  http://evil[.]example/payload ").verdict).toBe("correct");
    expect(checkAnswer(check, "http://evil.example/other").verdict).toBe("incorrect");
  });
  it("regex: tested against the refanged answer, case-insensitive", () => {
    const check = { kind: "regex" as const, pattern: "^203\\.0\\.113\\.47(/32)?$" };
    expect(checkAnswer(check, "203[.]0[.]113[.]47/32").verdict).toBe("correct");
    expect(checkAnswer(check, "203.0.113.0/24").verdict).toBe("incorrect");
  });
  it("set: all needed values in any order and separator; partial when some; extras named", () => {
    const check = { kind: "set" as const, values: ["admin", "root", "deploy"] };
    expect(checkAnswer(check, "Deploy; ROOT,admin").verdict).toBe("correct");
    const partial = checkAnswer(check, "root, admin");
    expect(partial.verdict).toBe("partial");
    expect(partial.fraction).toBeCloseTo(2 / 3);
    const extra = checkAnswer(check, "root admin deploy guest");
    expect(extra.verdict).toBe("correct");
    expect(extra.reason).toMatch(/not expected: guest/);
    expect(checkAnswer(check, "guest").verdict).toBe("incorrect");
  });
  it("set with min_matches: enough values is correct", () => {
    const check = { kind: "set" as const, values: ["a1", "b2", "c3", "d4"], min_matches: 2 };
    expect(checkAnswer(check, "b2 d4").verdict).toBe("correct");
    expect(checkAnswer(check, "b2").fraction).toBe(0.5);
  });
  it("missing answer", () => {
    expect(checkAnswer({ kind: "exact", value: "x" }, "   ").verdict).toBe("missing");
    expect(checkAnswer({ kind: "exact", value: "x" }, null).verdict).toBe("missing");
  });
});

describe("kindOfContentType", () => {
  it.each([
    ["image/png", "image"],
    ["text/plain; charset=utf-8", "text"],
    ["text/csv", "csv"],
    ["application/json", "json"],
    ["application/pdf", "pdf"],
    ["application/vnd.tcpdump.pcap", "pcap"],
    ["application/zip", "zip"],
    ["application/x-msdownload", null],
    [null, null],
  ])("%s → %s", (ct, kind) => expect(kindOfContentType(ct)).toBe(kind));
});

describe("objective coverage", () => {
  it("stems words so inflections match, ignores stopwords", () => {
    expect(keywords("Decide on the containment")).toEqual(["decide", "contai"]);
    const stems = new Set(keywords("We contained it after deciding quickly"));
    expect(objectiveCovered("Decide on containment", stems).covered).toBe(true);
    expect(objectiveCovered("Write a Sigma detection", stems).covered).toBe(false);
  });
});

describe("computePrescore", () => {
  it("a complete, correct submission scores 100 with a reason on every item", () => {
    const p = computePrescore(input());
    expect(p.score).toBe(100);
    expect(p.answers.triage.verdict).toBe("correct");
    for (const item of p.items) expect(item.reason.length).toBeGreaterThan(10);
    expect(p.items.map((i) => i.rule)).toEqual(expect.arrayContaining(["evidence", "answer", "notes", "reflection", "objectives"]));
  });

  it("is deterministic", () => {
    expect(computePrescore(input())).toEqual(computePrescore(input()));
  });

  it("missing required evidence fails the evidence rule and lowers the score", () => {
    const p = computePrescore(input({ evidence: [] }));
    const ev = p.items.find((i) => i.rule === "evidence" && i.stage === "triage")!;
    expect(ev.verdict).toBe("fail");
    expect(ev.points).toBe(0);
    expect(ev.reason).toMatch(/at least 1 file/);
    expect(p.score).toBeLessThan(100);
  });

  it("evidence of a kind the rule does not accept is partial", () => {
    const p = computePrescore(input({ evidence: [{ stageKey: "triage", kind: "file", contentType: "application/pdf" }] }));
    const ev = p.items.find((i) => i.rule === "evidence" && i.stage === "triage")!;
    expect(ev.verdict).toBe("fail");
    expect(ev.reason).toMatch(/not of an accepted kind/);
  });

  it("stages without an evidence rule are n/a and do not count", () => {
    const p = computePrescore(input());
    const ev = p.items.find((i) => i.rule === "evidence" && i.stage === "contain")!;
    expect(ev).toMatchObject({ verdict: "n/a", max: 0 });
  });

  it("a wrong answer is reported incorrect with the learner's value", () => {
    const p = computePrescore(input({ completions: [{ stageKey: "triage", notes: "Source found quickly here.", answer: "10.20.4.31" }] }));
    expect(p.answers.triage).toMatchObject({ verdict: "incorrect" });
    expect(p.answers.triage.reason).toContain("10.20.4.31");
  });

  it("short notes are partial, in proportion to notes_min_chars", () => {
    const p = computePrescore(input({ completions: [{ stageKey: "triage", notes: "ab", answer: "203.0.113.45" }] }));
    const notes = p.items.find((i) => i.rule === "notes")!;
    expect(notes).toMatchObject({ verdict: "partial", points: 2, max: 5 });
  });

  it("reflection length: empty fails, short is proportional, long passes", () => {
    expect(computePrescore(input({ reflection: null })).items.find((i) => i.rule === "reflection")).toMatchObject({ verdict: "fail", points: 0 });
    const short = computePrescore(input({ reflection: "x".repeat(150) })).items.find((i) => i.rule === "reflection")!;
    expect(short).toMatchObject({ verdict: "partial", points: 5 });
  });

  it("a reflection not asked for and not written is n/a", () => {
    const p = computePrescore(input({ mission: { ...mission, reflection_required: false }, reflection: "" }));
    expect(p.items.find((i) => i.rule === "reflection")).toMatchObject({ verdict: "n/a", max: 0 });
  });

  it("objective coverage names the objectives not mentioned", () => {
    const p = computePrescore(input({ reflection: "I found the attacker in the log.", completions: [] }));
    const obj = p.items.find((i) => i.rule === "objectives")!;
    expect(obj.verdict).toBe("partial");
    expect(obj.reason).toMatch(/1 of 2/);
    expect(obj.reason).toContain("Decide on containment");
  });

  it("only stages on the path count", () => {
    const p = computePrescore(input({ path: ["triage"] }));
    expect(new Set(p.items.filter((i) => i.stage).map((i) => i.stage))).toEqual(new Set(["triage"]));
  });

  it("score has one decimal", () => {
    const p = computePrescore(input({ reflection: "x".repeat(101) }));
    expect(Math.round(p.score * 10)).toBe(p.score * 10);
  });
});
