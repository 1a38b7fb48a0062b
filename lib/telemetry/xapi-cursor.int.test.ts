import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { dbKind } from "@/lib/db";
import { insertEvents } from "@/lib/db/queries/telemetry";
import { ensureTelemetryPartitions } from "@/lib/db/queries/telemetry-partitions";
import { makeUser } from "@/test/helpers";
import { xapiStatements } from "./export";

// Issue 19: the xAPI export paged by row id, so a consumer could page past a row whose
// transaction took its id first but committed last. Now a page never reaches past the start of
// the oldest transaction still open, so a consumer following next_cursor sees every event.
async function follow(cursor: string | undefined, pages = Infinity) {
  const seen: string[] = [];
  for (let n = 0; n < pages; n++) {
    const page = await xapiStatements({ query: { limit: 1, cursor }, base: "http://localhost" });
    seen.push(...page.statements.map((s) => String(s.id)));
    if (!page.next_cursor) return { seen, cursor };
    cursor = page.next_cursor;
  }
  return { seen, cursor };
}

describe("xAPI export cursor", () => {
  it("a consumer paging while an earlier transaction is still open does not page past its event", async () => {
    const u = await makeUser("learner");
    const early = randomUUID();
    const late = randomUUID();
    const event = (id: string) => ({ eventId: id, type: "recipe.viewed", userId: u.id, occurredAt: new Date(), missionId: null, progressId: null, stageKey: null, recipeId: null, payload: {} });
    if (dbKind() === "pglite") {
      // One connection: transactions cannot overlap, so only the order is checked here.
      await insertEvents({ events: [event(early)] });
      await insertEvents({ events: [event(late)] });
      expect((await follow(undefined)).seen).toEqual([early, late]);
      return;
    }
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const reserved = await other.reserve();
      await reserved`begin`;
      // Takes its id now, commits later.
      await reserved`insert into telemetry_events (event_id, type, user_id, occurred_at) values (${early}, 'recipe.viewed', ${u.id}, now())`;
      await insertEvents({ events: [event(late)] });
      // While the early transaction is open, the later event is held back (the old export returned it).
      const during = await follow(undefined);
      expect(during.seen).toEqual([]);
      await reserved`commit`;
      reserved.release();
      const after = await follow(during.cursor);
      expect(after.seen).toEqual([early, late]);
    } finally {
      await other.end();
    }
  });

  it("pages across month partitions and the default partition in the order events were received, while a partition is made", async () => {
    const u = await makeUser("learner");
    const at = (occurred: string) => ({ eventId: randomUUID(), type: "recipe.viewed", userId: u.id, occurredAt: new Date(occurred), missionId: null, progressId: null, stageKey: null, recipeId: null, payload: {} });
    const { cursor: start } = await follow(undefined); // past whatever other tests stored
    // Received in this order, stored in three partitions: the default one (1998, and March 2025
    // before it has a partition) and the current month's.
    const sent = [at("1998-03-01T00:00:00Z"), at("2025-03-10T00:00:00Z"), at(new Date().toISOString()), at("2025-03-11T00:00:00Z")];
    for (const e of sent) await insertEvents({ events: [e] });
    const first = await follow(start, 2);
    expect(first.seen).toEqual([sent[0].eventId, sent[1].eventId]);
    // March 2025 gets its partition between two pages: its rows move out of the default partition.
    expect(await ensureTelemetryPartitions({ from: new Date("2025-03-01T00:00:00Z"), to: new Date("2025-03-01T00:00:00Z") })).toEqual(["telemetry_events_y2025m03"]);
    const later = at("2025-03-12T00:00:00Z");
    await insertEvents({ events: [later] });
    const rest = await follow(first.cursor);
    expect(rest.seen).toEqual([sent[2].eventId, sent[3].eventId, later.eventId]);
  });
});
