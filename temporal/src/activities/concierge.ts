import type { ConciergeActivities } from "@voltura/workflows";
import type { ActivityDeps } from "./index.js";

export function createConciergeActivities(_deps: ActivityDeps): ConciergeActivities {
  return {};
}
