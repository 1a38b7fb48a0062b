import { withContract } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";
import * as openapi from "@/lib/api/contracts/openapi";

// Not route(): a public document needs no caller, so no session is read and a stale Authorization
// header cannot turn it into a 401.
export const GET = withContract(openapi.document, async () => Response.json(openApiDocument()));
