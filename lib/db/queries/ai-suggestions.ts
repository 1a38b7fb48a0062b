import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "@/lib/db";
import { aiSuggestions, type AiDecision } from "@/lib/db/schema";

// AI suggestions per criterion (SPEC §7): rows in, rows out.

export type SuggestionRow = typeof aiSuggestions.$inferSelect;

export async function suggestionRows({ progressId, version, tx = db }: { progressId: string; version: number; tx?: Tx }) {
  return tx.select().from(aiSuggestions).where(and(eq(aiSuggestions.progressId, progressId), eq(aiSuggestions.basedOnVersion, version))).orderBy(asc(aiSuggestions.createdAt), asc(aiSuggestions.criterionKey));
}

/** Once per (submission version, criterion): a retried job finds the rows already there. */
export async function insertSuggestions(tx: Tx, values: (typeof aiSuggestions.$inferInsert)[]) {
  if (values.length === 0) return [];
  return tx.insert(aiSuggestions).values(values).onConflictDoNothing().returning({ id: aiSuggestions.id });
}

export async function suggestionsByIds({ ids, tx = db }: { ids: string[]; tx?: Tx }) {
  if (ids.length === 0) return [];
  return tx.select().from(aiSuggestions).where(inArray(aiSuggestions.id, ids));
}

export async function decideSuggestion(tx: Tx, { id, decision, decidedBy, at }: { id: string; decision: AiDecision; decidedBy: string; at: Date }) {
  await tx.update(aiSuggestions).set({ decision, decidedBy, decidedAt: at }).where(eq(aiSuggestions.id, id));
}
