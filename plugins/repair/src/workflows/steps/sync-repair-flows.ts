import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { PICKUP_REMINDERS, TASK_QUEUES, type PickupRemindersInput } from "@voltura/domain";
import { loadShopSettings } from "../../billing/context";
import { TEMPORAL_MODULE_KEY, type LifecycleStarter, type RepairJobRecord, type StatusChangeRecord } from "../types";

type FlowAction = "started" | "picked_up" | "reopened" | "none";
type Synced = StepResponse<{ workflowId: string; action: FlowAction }, string | null>;

/**
 * Keeps the pickup reminders in step with the job: Completed starts `pickup-<jobNumber>` with a
 * copy of the reminder settings (compensation terminates it); Delivered signals `pickedUp`; back
 * to the bench signals `jobReopened`. A flow that already ended is simply not signalled.
 */
export const syncRepairFlowsStep = createStep(
  "sync-repair-flows",
  async (input: { job: RepairJobRecord; change: StatusChangeRecord }, { container }): Promise<Synced> => {
    const temporal = container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY);
    const workflowId = PICKUP_REMINDERS.workflowId(input.job.job_number);
    const at = new Date(input.change.changed_at).toISOString();
    const to = input.change.to_status;

    if (to === "completed") {
      const settings = await loadShopSettings(container);
      const args: PickupRemindersInput = { jobId: input.job.id, jobNumber: input.job.job_number, completedAt: at, reminders: settings.pickupReminders };
      await temporal.start({ workflowType: PICKUP_REMINDERS.workflowType, workflowId, taskQueue: TASK_QUEUES.repair, args: [args] });
      return new StepResponse({ workflowId, action: "started" }, workflowId);
    }
    if (to === "delivered") {
      await temporal.signalIfRunning(workflowId, PICKUP_REMINDERS.signals.pickedUp, [{ deliveredAt: at, by: input.change.changed_by }]);
      return new StepResponse({ workflowId, action: "picked_up" }, null);
    }
    if (input.change.from_status === "completed") {
      await temporal.signalIfRunning(workflowId, PICKUP_REMINDERS.signals.jobReopened, [{ status: to, by: input.change.changed_by }]);
      return new StepResponse({ workflowId, action: "reopened" }, null);
    }
    return new StepResponse({ workflowId, action: "none" }, null);
  },
  async (startedWorkflowId, { container }) => {
    if (!startedWorkflowId) return;
    await container.resolve<LifecycleStarter>(TEMPORAL_MODULE_KEY).terminate(startedWorkflowId, "The completion was rolled back");
  },
);
