import type { MedusaContainer } from "@medusajs/framework/types";
import { recoverDueStarts } from "../modules/campaigns/planner/run-starter";
import { sweepSchedules } from "../modules/campaigns/planner/schedule-sweep";

/**
 * Every minute: starts Temporal runs a crash left due after their launch committed, fires scheduled
 * campaigns whose time has come, and holds stale ones for confirmation.
 */
export default async function campaignPlannerRecovery(container: MedusaContainer): Promise<void> {
  await recoverDueStarts(container);
  await sweepSchedules(container);
}

export const config = { name: "campaign-planner-recovery", schedule: { interval: 60_000 } };
