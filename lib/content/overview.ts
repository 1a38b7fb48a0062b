import "server-only";
import { missionsWithContent } from "@/lib/db/queries/content";
import { validateGraph } from "@/lib/missions/graph";

/** Every mission with its shape and what the graph check finds wrong with its current version. */
export async function listMissionsForAdmin() {
  const found = await missionsWithContent();
  return found.map(({ content, ...m }) => ({ ...m, graphErrors: validateGraph(content).map((e) => `${e.path}: ${e.message}`) }));
}
