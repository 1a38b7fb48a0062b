import { route } from "@/lib/api/handler";
import * as content from "@/lib/api/contracts/content";
import { exportPack } from "@/lib/content/import";

export const GET = route(content.exportPack, async () => {
  const pack = await exportPack();
  return Response.json(pack, { headers: { "content-disposition": `attachment; filename="sortie-content-${new Date().toISOString().slice(0, 10)}.json"` } });
});
