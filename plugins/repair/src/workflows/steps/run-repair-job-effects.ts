import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { markEffectDone, tryJobEffects } from "./job-effects";

/**
 * The effects a committed write left, run by the holder of the job's lease (a failure stays due for
 * a retry or the recovery; it does not fail the write). `after_intake_hook`: the CRM hook has just run.
 */
export const runRepairJobEffectsStep = createStep(
  "run-repair-job-effects",
  async (input: { job_id: string; owns_effects: boolean; after_intake_hook?: boolean }, { container }) => {
    if (!input.owns_effects) return new StepResponse(false);
    if (input.after_intake_hook) await markEffectDone(container, input.job_id, "crm_intake");
    await tryJobEffects(container, input.job_id);
    return new StepResponse(true);
  },
);
