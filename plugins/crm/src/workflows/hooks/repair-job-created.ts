import { StepResponse } from "@medusajs/framework/workflows-sdk";
import { createRepairJobWorkflow } from "@voltura/plugin-repair/workflows";
import { CrmJournal, rollBack, type UndoAction } from "../journal";
import { intakeDevice, recordIntakeDevice } from "./record-intake-device";

/**
 * The CRM's part of repair intake (the only handler of this hook): the customer's profile, the
 * device and its link to the job, the last visit. The job is already committed; this runs from its
 * outbox, again after a crash, so it is idempotent. A failure undoes this run's own writes and
 * leaves the hook due for a retry or the repair recovery job.
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
