import bcrypt from "bcryptjs";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { createHash, randomBytes } from "node:crypto";

// argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane): ~100 ms per sign-in here, and
// memory-hard, so GPUs gain far less on a stolen hash than against bcrypt. Hashes written
// before it (bcrypt, "$2…") still verify and are rehashed at the next successful sign-in.
// algorithm 2 is Argon2id (a const enum the package declares, which isolatedModules cannot read).
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2);
}

const isBcrypt = (hash: string) => /^\$2[aby]\$/.test(hash);

/** Whether the hash should be replaced by a fresh one (an older algorithm or weaker parameters). */
export function needsRehash(hash: string): boolean {
  return isBcrypt(hash) || !hash.startsWith(`$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`);
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (isBcrypt(hash)) return bcrypt.compare(password, hash);
  if (!hash.startsWith("$argon2")) return false;
  try {
    return await argon2Verify(hash, password);
  } catch {
    return false;
  }
}

// A hash to compare against when the email is unknown, so timing does not reveal which emails exist.
let dummy: string | undefined;
export async function dummyVerify(password: string) {
  dummy ??= await hashPassword("not-a-real-password");
  await verifyPassword(password, dummy);
}

export function sha256(input: string | Buffer): string {
  return createHash("sha256").update(input).digest("hex");
}

/** A personal access token: "srt_" + 40 random base32-ish chars. Only its SHA-256 is stored. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `srt_${randomBytes(30).toString("base64url")}`;
  return { token, hash: sha256(token), prefix: token.slice(0, 10) };
}
