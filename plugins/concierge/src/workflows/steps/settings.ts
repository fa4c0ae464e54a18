import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { conciergeSettingsSchema, type ConciergeSettings, type ConciergeSettingsPatch } from "@voltura/contracts";
import { conciergeOf } from "./service";

/** Minutes from settings → the escalation delay the conversation workflow waits. */
export const escalateAfterMsStep = createStep("concierge-escalate-after", async (_: void, { container }) => {
  const settings = await conciergeOf(container).retrieveConciergeSettings();
  return new StepResponse(settings.escalate_after_minutes * 60_000);
});

/** Saves a settings patch; compensation saves the previous settings back. */
export const saveConciergeSettingsStep = createStep(
  "save-concierge-settings",
  async (input: { patch: ConciergeSettingsPatch; updated_by: string }, { container }) => {
    const service = conciergeOf(container);
    const previous = await service.retrieveConciergeSettings();
    const next: ConciergeSettings = conciergeSettingsSchema.parse({ ...previous, ...input.patch });
    await service.saveConciergeSettings(next, input.updated_by);
    return new StepResponse(next, previous);
  },
  async (previous, { container }) => {
    if (previous) await conciergeOf(container).saveConciergeSettings(previous, null);
  },
);
