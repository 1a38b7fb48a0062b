import "server-only";
import { replacePasswordHash } from "@/lib/db/queries/users";
import { hashPassword } from "./password";

/** Replaces an outdated hash after a successful sign-in; a concurrent password change wins. */
export async function rehashPassword(userId: string, oldHash: string, password: string) {
  await replacePasswordHash({ id: userId, from: oldHash, to: await hashPassword(password) });
}
