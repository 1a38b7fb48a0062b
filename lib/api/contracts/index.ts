import { isContract, type Contract } from "../contract";
import * as analytics from "./analytics";
import * as assignments from "./assignments";
import * as attempts from "./attempts";
import * as auth from "./auth";
import * as content from "./content";
import * as foundations from "./foundations";
import * as jobs from "./jobs";
import * as learning from "./learning";
import * as missions from "./missions";
import * as moderation from "./moderation";
import * as openapi from "./openapi";
import * as portfolio from "./portfolio";
import * as recipes from "./recipes";
import * as reviews from "./reviews";
import * as studio from "./studio";
import * as telemetry from "./telemetry";

// A new contract module is added here; contracts.test.ts fails until every route file's
// endpoint is one of these and every one of these is served.
export const modules = { auth, foundations, missions, attempts, learning, reviews, moderation, portfolio, recipes, telemetry, analytics, assignments, content, studio, jobs, openapi } as const;

/** Every /api/v1 endpoint with where it is declared ("attempts.completeStage"), in document order. */
export const namedContracts: { name: string; contract: Contract }[] = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isContract(value))
    .map(([name, contract]) => ({ name: `${module}.${name}`, contract: contract as Contract })),
);

export const contracts: Contract[] = namedContracts.map((c) => c.contract);
