import { route } from "@/lib/api/handler";
import { evidenceForDownload, removeEvidence } from "@/lib/attempts/evidence";
import * as attempts from "@/lib/api/contracts/attempts";

export const GET = route(attempts.downloadEvidence, async ({ caller, params }) => {
  const file = await evidenceForDownload({ caller, idOrCode: params.id, evidenceId: params.evidence });
  const ascii = (file.fileName ?? "evidence").replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(file.body, {
    headers: {
      // Stored types are a closed list of safe ones; anything else is served as bytes.
      "content-type": file.contentType && !/html|xml|javascript/i.test(file.contentType) ? file.contentType : "application/octet-stream",
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName ?? "evidence")}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
      ...(file.size ? { "content-length": String(file.size) } : {}),
      ...(file.sha256 ? { "x-sha256": file.sha256 } : {}),
    },
  });
});

export const DELETE = route(attempts.removeEvidence, async ({ caller, params }) =>
  removeEvidence({ caller, idOrCode: params.id, evidenceId: params.evidence }),
);
