import "server-only";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import fs from "node:fs";
import type { EvidenceStore } from "./index";
import { systemStaging } from "./staging";

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export interface S3Settings {
  bucket: string;
  region: string;
  /** For MinIO, R2, Ceph and other S3-compatible servers; omit for AWS. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** http://host/bucket/key instead of http://bucket.host/key (MinIO and most self-hosted servers). */
  forcePathStyle?: boolean;
}

const missing = (e: unknown) => e instanceof S3ServiceException && (e.$metadata?.httpStatusCode === 404 || e.name === "NotFound" || e.name === "NoSuchKey");

/**
 * Evidence in an S3-compatible bucket, shared by every instance. Same keys as the local store
 * (sha256/ab/<hash>, derived from content only), so a deployment can move its files between the two
 * by copying the tree. The SHA-256 is sent with the upload (x-amz-checksum-sha256) so that servers
 * which verify checksums, AWS S3 among them, refuse a file corrupted on the way instead of storing it
 * under its hash (moto, used in the tests, does not verify it). Writes stream from the staged file and
 * reads stream from the bucket: no file is held in memory.
 */
export function s3Store(settings: S3Settings, client?: S3Client): EvidenceStore {
  const s3 =
    client ??
    new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle ?? Boolean(settings.endpoint),
      credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    });
  const Bucket = settings.bucket;
  const checked = (key: string) => {
    if (!KEY.test(key)) throw new Error("invalid storage key");
    return key;
  };
  return {
    name: "s3",
    staging: systemStaging(),
    async put({ sha256, path, size, contentType }) {
      const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
      try {
        await s3.send(new HeadObjectCommand({ Bucket, Key: storageKey }));
        return { storageKey, created: false };
      } catch (e) {
        if (!missing(e)) throw e;
      }
      await s3.send(
        new PutObjectCommand({
          Bucket,
          Key: storageKey,
          // Streamed from the staged file: a single PutObject with a known length sends the body as
          // it is read (lib-storage's multipart Upload is not a dependency; one PUT takes up to 5 GB).
          Body: fs.createReadStream(path),
          ContentLength: size,
          ContentType: contentType,
          // Served only as a download, never rendered (SPEC §6: uploaded files are never served as HTML).
          ContentDisposition: "attachment",
          ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
        }),
      );
      return { storageKey, created: true };
    },
    async get(storageKey) {
      try {
        const r = await s3.send(new GetObjectCommand({ Bucket, Key: checked(storageKey) }));
        return r.Body ? (r.Body.transformToWebStream() as ReadableStream<Uint8Array>) : null;
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    async remove(storageKey) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: checked(storageKey) }));
    },
  };
}
