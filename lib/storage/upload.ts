import "server-only";
import busboy from "busboy";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import { KEY } from "@/lib/content/schemas";
import { AppError, errors } from "@/lib/errors";
import { createSniffer, sanitizeFileName } from "./sniff";
import { evidenceStore, type EvidenceStore, type PreparedFile } from "./index";
import { removeStaged, stagePath, sweepStaging } from "./staging";

// Parsing a multipart evidence upload: `stage`, `files` (repeatable), optional `links` (repeatable).
// The body streams through busboy; each file goes to a staged file on disk while it is hashed
// (SHA-256) and sniffed, so a request holds a few chunks in memory, never a file. Limits are enforced
// as the bytes arrive: the first byte past 25 MB, the eleventh file, or content that cannot be an
// accepted kind ends the upload at once with a 413 or 415 naming the file (`fields["files[i]"]`),
// and every file staged for the request is removed.
export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_FILES = 10;
const MAX_LINKS = 10;
// Ten full files plus multipart overhead; a request declaring more is refused before it is read.
export const MAX_UPLOAD_BYTES = MAX_FILES * MAX_FILE_BYTES + 1024 * 1024;
// Text fields: `stage` and up to ten links of 2,000 characters; far more than that is not an upload.
const MAX_FIELDS = 64;
const MAX_FIELD_BYTES = 16 * 1024;

export const linkSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2000, "must be at most 2000 characters");

// Each upload in flight holds a connection, a database transaction at its end and disk for what it
// staged (not memory: files stream to disk). A user gets this many at once (per server process);
// the next is a 429.
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

export interface EvidenceUpload {
  stage: string;
  files: PreparedFile[];
  links: string[];
}

/**
 * Parses the upload into files staged in `store.staging`, runs `fn` with them (it stores them and
 * inserts the rows), then removes the staged files, whatever happened.
 */
export async function withStagedUpload<T>(req: Request, fn: (upload: EvidenceUpload, store: EvidenceStore) => Promise<T>, store: EvidenceStore = evidenceStore()): Promise<T> {
  const upload = await parseEvidenceUpload(req, store.staging);
  try {
    return await fn(upload, store);
  } finally {
    await removeStaged(upload.files.map((f) => f.path));
  }
}

/**
 * Streams a multipart evidence upload into `staging`. Resolves with the staged files (the caller
 * removes them) or rejects with an AppError after removing every file it staged.
 */
export async function parseEvidenceUpload(req: Request, staging: string): Promise<EvidenceUpload> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD_BYTES) throw errors.tooLarge(`The upload is ${mb(declared)}; send at most ${MAX_FILES} files of ${mb(MAX_FILE_BYTES)} each.`);
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data")) throw errors.unsupported("Send evidence as multipart/form-data with fields stage, files and links.");
  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: { "content-type": type },
      // Browsers send file names as UTF-8 (busboy's default would read them as Latin-1).
      defParamCharset: "utf8",
      limits: { files: MAX_FILES, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FILES + MAX_FIELDS + 1 },
    });
  } catch {
    throw errors.badRequest("The multipart body could not be read (no boundary in its Content-Type).");
  }
  if (!req.body) throw errors.validation({ stage: "required: the key of the stage (a lowercase slug)" });
  void sweepStaging(staging);
  const source = Readable.fromWeb(req.body as import("node:stream/web").ReadableStream<Uint8Array>);

  return new Promise<EvidenceUpload>((resolve, reject) => {
    const staged: string[] = [];
    const files: PreparedFile[] = [];
    const tasks: Promise<void>[] = [];
    const open = new Set<Readable>();
    const fields: Record<string, string> = {};
    let stage: string | undefined;
    const links: string[] = [];
    let linkCount = 0;
    let fileCount = 0;
    let failed = false;

    // The first problem ends the upload: stop parsing, end the file being written, remove what was
    // staged, and read (and drop) what the client is still sending so that it gets our answer
    // rather than a reset connection.
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      source.unpipe(bb);
      bb.removeAllListeners();
      bb.on("error", () => {});
      bb.destroy();
      for (const s of open) s.destroy();
      discardRest(source);
      void Promise.allSettled(tasks)
        .then(() => removeStaged(staged))
        .then(() => reject(e instanceof AppError ? e : errors.badRequest("The multipart body could not be read.")));
    };

    bb.on("field", (name, value, info) => {
      if (name === "stage") {
        stage = value;
      } else if (name === "links") {
        const i = linkCount++;
        const r = info.valueTruncated ? null : linkSchema.safeParse(value.trim());
        if (!r?.success) fields[`links[${i}]`] = r?.error.issues[0]?.message ?? "must be at most 2000 characters";
        else links.push(r.data);
      } else if (name === "files") {
        fields.files = "each files entry must be a file";
      }
    });

    bb.on("file", (name, stream, info) => {
      if (failed || name !== "files") return void stream.resume(); // not ours: read past it
      const index = fileCount++;
      open.add(stream);
      const task = stageFile(stream, info.filename ?? "", index, staging, staged, () => failed)
        .then((f) => void (files[index] = f))
        .finally(() => open.delete(stream));
      tasks.push(task);
      task.catch(fail);
    });

    bb.on("filesLimit", () => fail(errors.tooLarge(`More than ${MAX_FILES} files sent; at most ${MAX_FILES} per request.`, { files: `at most ${MAX_FILES} files per request` })));
    bb.on("fieldsLimit", () => fail(errors.tooLarge(`More than ${MAX_FIELDS} form fields sent.`)));
    bb.on("partsLimit", () => fail(errors.tooLarge(`More than ${MAX_FILES + MAX_FIELDS + 1} form parts sent.`)));
    bb.on("error", () => fail(errors.badRequest("The multipart body could not be read.")));
    source.on("error", () => fail(errors.badRequest("The upload was interrupted before it ended.")));

    bb.on("close", () => {
      void Promise.all(tasks).then(
        () => {
          if (failed) return;
          const problems: Record<string, string> = {};
          if (typeof stage !== "string" || !KEY.test(stage)) problems.stage = "required: the key of the stage (a lowercase slug)";
          Object.assign(problems, fields);
          if (linkCount > MAX_LINKS) problems.links = `at most ${MAX_LINKS} links per request`;
          if (!Object.keys(problems).length && files.length === 0 && links.length === 0) problems.files = "attach at least one file or link";
          if (Object.keys(problems).length) return fail(errors.validation(problems));
          resolve({ stage: stage!, files, links });
        },
        () => {}, // the failing task has called fail()
      );
    });

    source.pipe(bb);
  });
}

/** Writes one file part to a staged file while hashing and sniffing it; refuses it as soon as it breaks a limit. */
async function stageFile(stream: Readable, rawName: string, index: number, staging: string, staged: string[], aborted: () => boolean): Promise<PreparedFile> {
  const shown = sanitizeFileName(rawName);
  const field = `files[${index}]`;
  const tooLarge = () => errors.tooLarge(`"${shown}" is larger than ${mb(MAX_FILE_BYTES)}; each file may be at most ${mb(MAX_FILE_BYTES)}.`, { [field]: `larger than ${mb(MAX_FILE_BYTES)}` });
  const wrongType = (why: string) =>
    errors.unsupported(`"${shown}" is not an accepted evidence type (images, PDF, text and logs, CSV, JSON, pcap, zip), whatever its name says.`, { [field]: `not an accepted type: ${why}` });

  const path = await stagePath(staging);
  // A part the upload was refused before reaching is not started (a pipeline from a stream that was
  // destroyed after it ended would never settle).
  if (aborted() || stream.destroyed) throw errors.badRequest("The upload was refused before this file.");
  staged.push(path);
  const hash = createHash("sha256");
  const sniffer = createSniffer(rawName);
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.byteLength;
      if (size > MAX_FILE_BYTES) return done(tooLarge());
      hash.update(chunk);
      sniffer.push(chunk).then(
        (s) => (s.refused ? done(wrongType(s.why)) : done(null, chunk)),
        (e) => done(e),
      );
    },
  });
  await pipeline(stream, meter, fs.createWriteStream(path, { flags: "wx" }));
  const { kind, why } = await sniffer.end();
  if (!kind) throw wrongType(why ?? "unknown content");
  return { name: sanitizeFileName(rawName, kind.ext), path, size, contentType: kind.contentType, kind: kind.kind, sha256: hash.digest("hex") };
}

/** Reads and drops the rest of a refused request, up to the most an upload may be; past that the connection is cut. */
function discardRest(source: Readable) {
  let left = MAX_UPLOAD_BYTES;
  source.on("error", () => {});
  source.on("data", (chunk: Buffer) => {
    left -= chunk.byteLength;
    if (left < 0) source.destroy();
  });
  source.resume();
}
