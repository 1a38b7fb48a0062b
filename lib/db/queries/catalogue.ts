// The catalogue's use cases moved to lib/catalogue/ and its queries to ./mission-catalogue.ts.
// progress.ts, stage-view.int.test.ts and GET /missions/{id} (owned by the attempts work) still
// import these names from here; delete this file once they import lib/catalogue directly.
export { missionLock } from "@/lib/catalogue/gating";
export { missionDetail, missionView, type MissionDetail } from "@/lib/catalogue/detail";
export { stageRecipes } from "./mission-catalogue";
