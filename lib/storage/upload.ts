import "server-only";
import { z } from "zod";
import { KEY } from "@/lib/content/schemas";
import { errors } from "@/lib/errors";
import { sanitizeFileName, sniff } from "./sniff";
import { sha256Hex, type PreparedFile } from "./index";

// Parsing a multipart evidence upload: `stage`, `files` (repeatable), optional `links` (repeatable).
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_FILES = 10;
const MAX_LINKS = 10;
// Ten full files plus multipart overhead; anything larger is refused before it is read.
export const MAX_UPLOAD_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;

export const linkSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2000, "must be at most 2000 characters");

// Uploads are read whole before they are checked, so each one in flight holds up to
// MAX_UPLOAD_BYTES of memory: a user gets this many at once (per server process), the next is a 429.
export const MAX_CONCURRENT_UPLOADS = 2;
const inFlight = new Map<string, number>();

/** Runs an upload in one of the user's slots, or refuses it while all of them are busy. */
export async function withUploadSlot<T>(userId: string, fn: () => Promise<T>): Promise<T> {
  const n = inFlight.get(userId) ?? 0;
  if (n >= MAX_CONCURRENT_UPLOADS) throw errors.rateLimited(`At most ${MAX_CONCURRENT_UPLOADS} uploads at a time: wait for the others to finish.`);
  inFlight.set(userId, n + 1);
  try {
    return await fn();
  } finally {
    const left = (inFlight.get(userId) ?? 1) - 1;
    if (left > 0) inFlight.set(userId, left);
    else inFlight.delete(userId);
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function parseEvidenceUpload(req: Request): Promise<{ stage: string; files: PreparedFile[]; links: string[] }> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES) throw errors.tooLarge(`The upload is ${mb(declared)}; send at most ${MAX_FILES} files of ${mb(MAX_FILE_BYTES)} each.`);
  if (!(req.headers.get("content-type") ?? "").startsWith("multipart/form-data")) throw errors.unsupported("Send evidence as multipart/form-data with fields stage, files and links.");
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw errors.badRequest("The multipart body could not be read.");
  }
  const stage = form.get("stage");
  if (typeof stage !== "string" || !KEY.test(stage)) throw errors.validation({ stage: "required: the key of the stage (a lowercase slug)" });

  const rawFiles = form.getAll("files");
  const files = rawFiles.filter((f): f is File => typeof f !== "string");
  if (files.length !== rawFiles.length) throw errors.validation({ files: "each files entry must be a file" });
  const rawLinks = form.getAll("links");
  const fields: Record<string, string> = {};
  const links: string[] = [];
  rawLinks.forEach((l, i) => {
    const r = typeof l === "string" ? linkSchema.safeParse(l.trim()) : null;
    if (!r?.success) fields[`links[${i}]`] = r?.error.issues[0]?.message ?? "must be an http(s) URL";
    else links.push(r.data);
  });
  if (rawLinks.length > MAX_LINKS) fields.links = `at most ${MAX_LINKS} links per request`;
  if (Object.keys(fields).length) throw errors.validation(fields);
  if (files.length === 0 && links.length === 0) throw errors.validation({ files: "attach at least one file or link" });
  if (files.length > MAX_FILES) throw errors.tooLarge(`${files.length} files sent; at most ${MAX_FILES} per request.`);

  for (const f of files) {
    if (f.size > MAX_FILE_BYTES) throw errors.tooLarge(`"${sanitizeFileName(f.name)}" is ${mb(f.size)}; each file may be at most ${mb(MAX_FILE_BYTES)}.`);
  }
  const prepared: PreparedFile[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    const kind = await sniff(bytes, f.name);
    const shown = sanitizeFileName(f.name);
    if (!kind) throw errors.unsupported(`"${shown}" is not an accepted evidence type (images, PDF, text and logs, CSV, JSON, pcap, zip), whatever its name says.`);
    prepared.push({ name: sanitizeFileName(f.name, kind.ext), bytes, contentType: kind.contentType, kind: kind.kind, sha256: sha256Hex(bytes) });
  }
  return { stage, files: prepared, links };
}
