import { route } from "@/lib/api/handler";
import { errors } from "@/lib/errors";
import * as telemetry from "@/lib/api/contracts/telemetry";
import { eventsPage } from "@/lib/db/queries/telemetry";
import { decodeCursor, encodeCursor, toStatement } from "@/lib/telemetry/xapi";

export const GET = route(telemetry.xapi, async ({ req, query }) => {
  const after = decodeCursor(query.cursor);
  if (after === null) throw errors.validation({ cursor: "is not a cursor this API returned" });
  const page = await eventsPage({ after, limit: query.limit, since: query.since ? new Date(query.since) : undefined, until: query.until ? new Date(query.until) : undefined, type: query.type });
  const base = new URL(req.url).origin;
  const last = page[page.length - 1];
  return {
    statements: page.map((e) => toStatement(e, base)),
    next_cursor: page.length === query.limit && last ? encodeCursor(last.id) : null,
  };
});
