import type { ContentPackInput } from "./schemas";
import { FOUNDATIONS } from "./foundations";
import { MISSIONS } from "./missions";
import { RECIPES } from "./recipes";

/** The demo catalogue: Foundations, every mission file in missions/, every recipe in recipes/. */
export function demoPack(): ContentPackInput {
  return { format: "sortie-content-pack/1", foundations: FOUNDATIONS, missions: MISSIONS, recipes: RECIPES };
}
