import type { MedusaContainer } from "@medusajs/framework/types";
import { recoverRepairJobs } from "../workflows/steps/recovery";

/** The same recovery once, a few seconds after start-up: a restart after a crash does not wait a minute. */
export default async function repairJobRecoveryAtStart(container: MedusaContainer): Promise<void> {
  await recoverRepairJobs(container);
}

export const config = { name: "repair-job-recovery-at-start", schedule: { interval: 5_000, numberOfExecutions: 1 } };
