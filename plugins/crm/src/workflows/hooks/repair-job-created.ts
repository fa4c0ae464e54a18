import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { StepResponse } from "@medusajs/framework/workflows-sdk";
import { createRepairJobWorkflow } from "@voltura/plugin-repair/workflows";
import { intakeDevice } from "../../domain/intake-device";
import { recordIntakeDeviceWorkflow, type IntakeWrites } from "../record-intake-device";
import { deleteCreatedDevice } from "../steps/create-customer-device";
import { deleteCreatedProfile } from "../steps/create-customer-profile";
import { restoreProfile } from "../steps/update-customer-profile";

/** A later intake step failed: the intake workflow's own step compensations, newest write first. */
export async function undoIntakeWrites(container: MedusaContainer, written: IntakeWrites): Promise<void> {
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  for (const definition of [...written.links].reverse()) await link.dismiss(definition);
  if (written.created_device_id) await deleteCreatedDevice(container, written.created_device_id);
  if (written.updated_profile) await restoreProfile(container, written.updated_profile);
  if (written.created_profile_id) await deleteCreatedProfile(container, written.created_profile_id);
}

/**
 * The CRM's part of repair intake (the only handler of this hook): the customer's profile, the device and
 * its link to the job, the last visit (workflows/record-intake-device.ts, one write per step). The job is
 * already committed; this runs from its outbox, again after a crash, so it is idempotent. A failure is
 * compensated step by step inside that workflow and leaves the hook due for a retry or the repair recovery job.
 */
createRepairJobWorkflow.hooks.repairJobCreated(
  async ({ job, customerId, input }, { container }) => {
    const { result } = await recordIntakeDeviceWorkflow(container).run({
      input: {
        jobId: job.id,
        customerId,
        device: intakeDevice(input),
        visitedAt: job.created_at ? new Date(job.created_at) : new Date(),
      },
    });
    return new StepResponse(result.intake, result.written);
  },
  async (written: IntakeWrites | undefined, { container }) => {
    if (written) await undoIntakeWrites(container, written);
  },
);
