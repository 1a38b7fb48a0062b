import "server-only";
import { eq } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { settings } from "@/lib/db/schema";

/** An admin-set value from the settings table, as stored, or undefined when it was never set. */
export async function settingValue({ key, tx = db }: { key: string; tx?: Tx }): Promise<string | undefined> {
  const [s] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return s?.value;
}

/** Stores an admin-set value (insert or replace). */
export async function setSettingValue({ key, value, tx = db }: { key: string; value: string; tx?: Tx }) {
  await tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}
