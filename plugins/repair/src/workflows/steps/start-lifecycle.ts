import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { REPAIR_LIFECYCLE, TASK_QUEUES, type RepairLifecycleInput } from "@voltura/domain";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter, type RepairJobRecord } from "../types";

/** Starts the job's long-lived Temporal workflow (job-VSH-2026-000123). */
export const startLifecycleStep = createStep(
  "start-repair-job-lifecycle",
  async (job: RepairJobRecord, { container }) => {
    const temporal = container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY);
    const workflowId = REPAIR_LIFECYCLE.workflowId(job.job_number);
    const input: RepairLifecycleInput = {
      jobId: job.id,
      jobNumber: job.job_number,
      initial: {
        from: null,
        to: job.status,
        note: "Job received at the counter",
        changedBy: job.created_by,
        changedAt: new Date(job.created_at).toISOString(),
      },
    };
    await temporal.start({ workflowType: REPAIR_LIFECYCLE.workflowType, workflowId, taskQueue: TASK_QUEUES.repair, args: [input] });
    return new StepResponse(workflowId, workflowId);
  },
  async (workflowId, { container }) => {
    if (!workflowId) return;
    await container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY).terminate(workflowId, "Intake was rolled back");
  },
);
