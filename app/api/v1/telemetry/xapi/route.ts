import { route } from "@/lib/api/handler";
import { xapiQuerySchema } from "@/lib/analytics/api";
import { xapiStatements } from "@/lib/telemetry/export";

export const GET = route({ permission: "telemetry:export", query: xapiQuerySchema }, async ({ req, query }) => {
  return xapiStatements({ query, base: new URL(req.url).origin });
});
