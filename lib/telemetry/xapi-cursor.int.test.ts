import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { dbKind } from "@/lib/db";
import { insertEvents } from "@/lib/db/queries/telemetry";
import { makeUser } from "@/test/helpers";
import { xapiStatements } from "./export";

// Issue 19: the xAPI export paged by row id, so a consumer could page past a row whose
// transaction took its id first but committed last. Now a page never reaches past the start of
// the oldest transaction still open, so a consumer following next_cursor sees every event.
async function follow(cursor: string | undefined) {
  const seen: string[] = [];
  for (;;) {
    const page = await xapiStatements({ query: { limit: 1, cursor }, base: "http://localhost" });
    seen.push(...page.statements.map((s) => String(s.id)));
    if (!page.next_cursor) return { seen, cursor };
    cursor = page.next_cursor;
  }
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
});
