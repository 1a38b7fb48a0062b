import type { Operation } from "../openapi";
import { authOperations } from "./auth";
import { contentOperations } from "./content";
import { reviewOperations } from "./reviews";
import { missionOperations } from "./missions";
import { analyticsOperations } from "./analytics";
import { recipeOperations } from "./recipes";

// Each domain documents its endpoints in its own file; add yours here.
export const operations: Operation[] = [...authOperations, ...contentOperations, ...reviewOperations, ...missionOperations, ...analyticsOperations, ...recipeOperations];
