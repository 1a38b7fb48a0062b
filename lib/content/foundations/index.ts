import type { FoundationModuleInput } from "../schemas";
import { rulesOfEngagement } from "./rules-of-engagement";
import { howMissionsWork } from "./how-missions-work";
import { commandLineBasics } from "./command-line-basics";
import { networkingEssentials } from "./networking-essentials";
import { writingForSecurity } from "./writing-for-security";
import { logsAndSiem } from "./logs-and-siem";
import { threatsAndIncidents } from "./threats-and-incidents";

// Foundations: the short ordered course every learner completes before any mission (SPEC §2). Each
// module is 10–30 minutes of reading, a self-check graded on the server (lib/foundations/grade.ts)
// and the recipes that link to it (a recipe's `links[].module`). The last two are optional: the
// defender track leans on them, and a learner of another track may skip them.
export const FOUNDATIONS: FoundationModuleInput[] = [rulesOfEngagement, howMissionsWork, commandLineBasics, networkingEssentials, writingForSecurity, logsAndSiem, threatsAndIncidents];
