import "server-only";
import fs from "node:fs";
import type { EvidenceStore } from "./index";
import { systemStaging } from "./staging";

const PREFIX = "ut:";

/** uploadthing (UTApi) when UPLOADTHING_TOKEN is set. Files are private; reads go through a signed URL. */
export function uploadthingStore(token: string): EvidenceStore {
  const api = async () => {
    const { UTApi } = await import("uploadthing/server");
    return new UTApi({ token });
  };
  return {
    name: "uploadthing",
    staging: systemStaging(),
    async put({ sha256, path, name, contentType }) {
      const { UTFile } = await import("uploadthing/server");
      const ut = await api();
      // A Blob backed by the staged file: its bytes are read from disk as the upload sends them.
      const onDisk = await fs.openAsBlob(path);
      const file = new UTFile([onDisk], name, { type: contentType, customId: `${sha256}-${Date.now().toString(36)}` });
      const r = await ut.uploadFiles(file, { acl: "private", contentDisposition: "attachment" });
      if (r.error || !r.data) throw new Error(`uploadthing upload failed: ${r.error?.code ?? "unknown"}`);
      return { storageKey: `${PREFIX}${r.data.key}`, created: true };
    },
    async get(storageKey) {
      if (!storageKey.startsWith(PREFIX)) return null;
      const ut = await api();
      const { ufsUrl } = await ut.generateSignedURL(storageKey.slice(PREFIX.length), { expiresIn: 60 });
      const res = await fetch(ufsUrl);
      return res.ok && res.body ? res.body : null;
    },
    async remove(storageKey) {
      if (!storageKey.startsWith(PREFIX)) return;
      const ut = await api();
      await ut.deleteFiles(storageKey.slice(PREFIX.length));
    },
  };
}
