import type { RepairFlowActivities } from "@voltura/workflows";
import type { ActivityDeps } from "./index.js";

export function createRepairFlowActivities(_deps: ActivityDeps): RepairFlowActivities {
  return {};
}
