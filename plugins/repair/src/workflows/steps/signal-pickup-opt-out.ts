import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { PICKUP_REMINDERS, type OptedOut } from "@voltura/domain";
import { repairService } from "./job-context";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter } from "../../modules/repair/types";

/** Signals `optedOut` to the pickup reminders of every Completed job of this phone (E.164). */
export const signalPickupOptOutStep = createStep("signal-pickup-opt-out", async (input: { phone: string }, { container }) => {
  const jobs = (await repairService(container).listRepairJobs({ customer_phone: input.phone, status: "completed" }, { select: ["job_number"] })) as Array<{ job_number: string }>;
  const temporal = container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY);
  const signal: OptedOut = { phone: input.phone };
  const signalled: string[] = [];
  for (const job of jobs) {
    const workflowId = PICKUP_REMINDERS.workflowId(job.job_number);
    if (await temporal.signalIfRunning(workflowId, PICKUP_REMINDERS.signals.optedOut, [signal])) signalled.push(workflowId);
  }
  return new StepResponse(signalled);
});
