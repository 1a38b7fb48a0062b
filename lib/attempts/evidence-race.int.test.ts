import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { evidence } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { evidenceStore, type EvidenceStore, type PreparedFile } from "@/lib/storage";
import { stageBytes } from "@/lib/storage/staging";
import { completeFoundations, loadFixtures, makeUser, type TestUser } from "@/test/helpers";
import { startMission } from "./start";
import { addEvidence, removeEvidence } from "./evidence";

// Files are content-addressed and shared between rows. A file's lifetime follows its rows: a
// removal racing an upload of identical bytes must leave neither a row without its file nor a file
// without a row (issue 19: 46 of 60 rounds left Y's row pointing at a deleted file).
const ROUNDS = Number(process.env.SORTIE_RACE_ROUNDS ?? 60);

const text = (s: string): PreparedFile => {
  return stageBytes({ name: "counts.txt", bytes: new TextEncoder().encode(s), contentType: "text/plain; charset=utf-8", kind: "text" });
};

async function fileExists(sha256: string) {
  try {
    await fs.promises.access(path.join(env().uploadDir, "sha256", sha256.slice(0, 2), sha256));
    return true;
  } catch {
    return false;
  }
}

/** Rows pointing at the content, and whether its file is there: both or neither. */
async function orphan(sha256: string): Promise<string | null> {
  const rows = await db.select({ id: evidence.id }).from(evidence).where(eq(evidence.sha256, sha256));
  const file = await fileExists(sha256);
  if (rows.length && !file) return "a row without its file";
  if (!rows.length && file) return "a file without a row";
  return null;
}

let x: TestUser;
let y: TestUser;

beforeAll(async () => {
  await loadFixtures();
  x = await makeUser("learner");
  y = await makeUser("learner");
  for (const u of [x, y]) {
    await completeFoundations(u.id);
    await startMission({ caller: u, idOrCode: "TEST-01" });
  }
});

describe("evidence file lifetime", () => {
  it(`X removes E while Y uploads identical bytes, ${ROUNDS} rounds: no orphan either way`, async () => {
    const found: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const f = text(`round ${i} ${Date.now()}\n203.0.113.45 10\n`);
      const [e] = (await addEvidence({ caller: x, idOrCode: "TEST-01", stage: "triage", files: [f] })).evidence;
      // Alternate who starts first so both orders of the two transactions are exercised.
      const remove = () => removeEvidence({ caller: x, idOrCode: "TEST-01", evidenceId: e.id });
      const upload = () => addEvidence({ caller: y, idOrCode: "TEST-01", stage: "triage", files: [f] });
      const [, up] = i % 2 ? await Promise.all([remove(), upload()]) : (await Promise.all([upload(), remove()])).reverse();
      const afterRace = await orphan(f.sha256);
      if (afterRace) found.push(`round ${i} after the race: ${afterRace}`);
      await removeEvidence({ caller: y, idOrCode: "TEST-01", evidenceId: (up as Awaited<ReturnType<typeof addEvidence>>).evidence[0].id });
      const afterCleanup = await orphan(f.sha256);
      if (afterCleanup) found.push(`round ${i} after Y removed its row: ${afterCleanup}`);
    }
    console.log(`[evidence race] ${ROUNDS} rounds, ${found.length} orphans`);
    expect(found).toEqual([]);
  });

  it("an upload that fails part-way leaves no file behind, and never takes a file another row uses", async () => {
    const shared = text(`shared ${Date.now()}`);
    const fresh = text(`fresh ${Date.now()}`);
    const boom = text(`boom ${Date.now()}`);
    await addEvidence({ caller: x, idOrCode: "TEST-01", stage: "triage", files: [shared] });
    const real = evidenceStore();
    // The first two files are written, the third fails: the transaction is rolled back.
    const failing: EvidenceStore = {
      ...real,
      async put(file) {
        if (file.sha256 === boom.sha256) throw new Error("disk full");
        return real.put(file);
      },
    };
    await expect(addEvidence({ caller: y, idOrCode: "TEST-01", stage: "triage", files: [shared, fresh, boom], store: failing })).rejects.toThrow("disk full");
    expect(await fileExists(shared.sha256)).toBe(true);
    expect(await fileExists(fresh.sha256)).toBe(false);
    for (const f of [shared, fresh, boom]) expect(await orphan(f.sha256)).toBeNull();
  });
});
