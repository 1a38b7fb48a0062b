import type { Operation } from "../openapi";
import { authOperations } from "./auth";

// Each domain documents its endpoints in its own file; add yours here.
export const operations: Operation[] = [...authOperations];
