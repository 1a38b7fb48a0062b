import "server-only";
import type { z } from "zod";
import { errors } from "@/lib/errors";
import type { xapiQuerySchema } from "@/lib/api/contracts/telemetry";
import { eventsPage } from "@/lib/db/queries/telemetry";
import { decodeCursor, encodeCursor, toStatement } from "./xapi";

/**
 * One page of telemetry as xAPI statements (GET /telemetry/xapi), oldest first. `next_cursor` is
 * set while a full page came back; `base` is the site origin the statements' IRIs are built on.
 */
export async function xapiStatements({ query, base }: { query: z.output<typeof xapiQuerySchema>; base: string }) {
  const after = decodeCursor(query.cursor);
  if (after === null) throw errors.validation({ cursor: "is not a cursor this API returned" });
  const page = await eventsPage({ after, limit: query.limit, since: query.since ? new Date(query.since) : undefined, until: query.until ? new Date(query.until) : undefined, type: query.type });
  const last = page[page.length - 1];
  return {
    statements: page.map((e) => toStatement(e, base)),
    next_cursor: page.length === query.limit && last ? encodeCursor(last) : null,
  };
}
