import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { REPAIR_LIFECYCLE, TASK_QUEUES, type RepairLifecycleInput, type StatusChange } from "@voltura/domain";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter, type RepairJobRecord, type StatusChangeRecord } from "../types";

/**
 * Tells the job's Temporal workflow about a status change. signal-with-start, so a job whose
 * workflow never started (Temporal was down at intake) gets one now, seeded with this change.
 */
export const signalLifecycleStep = createStep(
  "signal-repair-job-lifecycle",
  async (input: { job: RepairJobRecord; change: StatusChangeRecord }, { container }) => {
    const temporal = container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY);
    const change: StatusChange = {
      from: input.change.from_status,
      to: input.change.to_status,
      note: input.change.note,
      changedBy: input.change.changed_by,
      changedAt: new Date(input.change.changed_at).toISOString(),
    };
    const startInput: RepairLifecycleInput = { jobId: input.job.id, jobNumber: input.job.job_number, initial: change };
    await temporal.signalWithStart({
      workflowType: REPAIR_LIFECYCLE.workflowType,
      workflowId: REPAIR_LIFECYCLE.workflowId(input.job.job_number),
      taskQueue: TASK_QUEUES.repair,
      args: [startInput],
      signal: REPAIR_LIFECYCLE.signal,
      signalArgs: [change],
    });
    return new StepResponse(true);
  },
);
