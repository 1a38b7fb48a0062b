import { json, route } from "@/lib/api/handler";
import * as attempts from "@/lib/api/contracts/attempts";
import { enforce, LIMITS } from "@/lib/auth/rate-limit";
import { withStagedUpload, withUploadSlot } from "@/lib/storage/upload";
import { addEvidence } from "@/lib/attempts/evidence";

// The body is streamed to disk as it arrives (lib/storage/upload.ts). The proxy's matcher skips
// this path: a proxy that runs for a request makes Next.js buffer its body (see proxy.ts).
export const POST = route(attempts.uploadEvidence, async ({ req, caller, params }) => {
  await enforce(`upload:${caller.id}`, LIMITS.upload.limit, LIMITS.upload.windowSeconds);
  return withUploadSlot(caller.id, () =>
    withStagedUpload(req, async (upload, store) => json(await addEvidence({ caller, idOrCode: params.id, ...upload, store }), 201)),
  );
});
