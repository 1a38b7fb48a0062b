import type { MissionInput } from "../schemas";
// One mission per file; listed here so the bundler includes them.
export const MISSIONS: MissionInput[] = [];
