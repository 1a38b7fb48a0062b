import bcrypt from "bcryptjs";
import { createHash, randomBytes } from "node:crypto";

// bcrypt, cost 11: slow enough to make offline guessing expensive, ~100 ms per sign-in here.
const COST = 11;

export function hashPassword(password: string, cost = COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A hash to compare against when the email is unknown, so timing does not reveal which emails exist.
let dummy: string | undefined;
export async function dummyVerify(password: string) {
  dummy ??= await bcrypt.hash("not-a-real-password", COST);
  await bcrypt.compare(password, dummy);
}

export function sha256(input: string | Buffer): string {
  return createHash("sha256").update(input).digest("hex");
}

/** A personal access token: "srt_" + 40 random base32-ish chars. Only its SHA-256 is stored. */
export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `srt_${randomBytes(30).toString("base64url")}`;
  return { token, hash: sha256(token), prefix: token.slice(0, 10) };
}
