import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db";
import { itemBody, type ItemKind } from "./items";

/**
 * Computing items (items.ts) over a set of attempts, into a table. The attempts and the items of a
 * live request or of a refresh sit in temporary tables; each is created, handed on as a relation and
 * dropped by the one function that needs it (withAttempts, withItemsTable), so no query finds a
 * temporary table by a name some earlier call happened to leave behind. All of them must run inside
 * a transaction: on an error its rollback takes the table with it.
 */

/** mission_rollup_items' columns, in the order itemBody returns them. */
export const ITEM_COLUMNS = sql`scope, mission_id, kind, key, sub, value, n, n2, n3, total, max`;

/** A table by name, as a relation the item queries can read or fill. */
const relation = (name: string): SQL => sql`${sql.identifier(name)}`;

export const ROLLUP_ITEMS = relation("mission_rollup_items");

/**
 * Runs `fn` with the rows of `attempts` (scopedAttempts in items.ts) in a temporary table, indexed and
 * analysed so the item queries' joins to child rows are planned on real sizes, and drops it after.
 */
export async function withAttempts<T>(t: Tx, attempts: SQL, fn: (attempts: SQL) => Promise<T>): Promise<T> {
  const table = relation("p_scope");
  // The item queries sort and hash tens of thousands of child rows: at the default 4 MB they spill to disk.
  await t.execute(sql`set local work_mem = '64MB'`);
  await t.execute(sql`create temporary table ${table} on commit drop as ${attempts}`);
  await t.execute(sql`create index on ${table} (id)`);
  // Statistics on the columns the item queries join and group on (all columns took 90 ms at 10k rows).
  await t.execute(sql`analyze ${table} (id, scope, mission_id, user_id)`);
  const result = await fn(table);
  await t.execute(sql`drop table ${table}`);
  return result;
}

/** Runs `fn` with an empty temporary table shaped like mission_rollup_items, and drops it after. */
export async function withItemsTable<T>(t: Tx, name: "live_items" | "fresh_items", fn: (items: SQL) => Promise<T>): Promise<T> {
  const table = relation(name);
  await t.execute(sql`create temporary table ${table} (like mission_rollup_items) on commit drop`);
  const result = await fn(table);
  await t.execute(sql`drop table ${table}`);
  return result;
}

/** Adds the items of `kinds` over `attempts` to the table `into`. */
export async function insertItems(t: Tx, into: SQL, kinds: readonly ItemKind[], attempts: SQL) {
  for (const kind of kinds) {
    await t.execute(sql`insert into ${into} (${ITEM_COLUMNS}) select ${ITEM_COLUMNS} from (${itemBody(kind, attempts)}) q`);
  }
}
