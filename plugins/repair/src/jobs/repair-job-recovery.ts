import type { MedusaContainer } from "@medusajs/framework/types";
import { recoverRepairJobs } from "../workflows/steps/recovery";

/**
 * Finishes repair jobs a crash left committed with effects still due (CRM intake, Temporal start or
 * signal, pickup reminders, invoice order, events). Each job is taken under its lease.
 */
export default async function repairJobRecoveryJob(container: MedusaContainer): Promise<void> {
  await recoverRepairJobs(container);
}

export const config = { name: "repair-job-recovery", schedule: { interval: 60_000 } };
