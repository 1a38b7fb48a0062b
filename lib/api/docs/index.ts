import type { Operation } from "../openapi";
import { authOperations } from "./auth";
import { contentOperations } from "./content";

// Each domain documents its endpoints in its own file; add yours here.
export const operations: Operation[] = [...authOperations, ...contentOperations];
