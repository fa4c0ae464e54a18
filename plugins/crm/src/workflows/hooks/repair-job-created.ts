import { StepResponse } from "@medusajs/framework/workflows-sdk";
import { createRepairJobWorkflow } from "@voltura/plugin-repair/workflows";
import { CrmJournal, rollBack, type UndoAction } from "../journal";
import { intakeDevice, recordIntakeDevice } from "./record-intake-device";

/**
 * The CRM's part of repair intake (the only handler of this hook): the customer's profile, the
 * device and its link to the job, the last visit. A failure here, or in a later intake step,
 * undoes all of it; the repair workflow then removes the job and any customer it created.
 */
createRepairJobWorkflow.hooks.repairJobCreated(
  async ({ job, customerId, input }, { container }) => {
    const journal = new CrmJournal(container);
    try {
      const result = await recordIntakeDevice(journal, {
        jobId: job.id,
        customerId,
        device: intakeDevice(input as unknown as Parameters<typeof intakeDevice>[0]),
        visitedAt: job.created_at ? new Date(job.created_at) : new Date(),
      });
      return new StepResponse(result, journal.undo);
    } catch (err) {
      return journal.rollBackAndThrow(err);
    }
  },
  async (undo: UndoAction[] | undefined, { container }) => {
    if (undo?.length) await rollBack(container, undo);
  },
);
