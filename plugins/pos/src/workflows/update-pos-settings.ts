import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { PosSettings } from "@voltura/medusa-client";
import { loadDiscountLimits, posService, SETTINGS_ID } from "../sales/context";

const toRow = (s: PosSettings) => ({
  id: SETTINGS_ID, line_max_percent_bp: s.line.max_percent_bp, line_max_amount_sen: s.line.max_amount_sen,
  cart_max_percent_bp: s.cart.max_percent_bp, cart_max_amount_sen: s.cart.max_amount_sen,
});

/** Stores the discount limits; compensation puts the previous ones back. */
const updatePosSettingsStep = createStep(
  "update-pos-settings",
  async (settings: PosSettings, { container }) => {
    const service = posService(container);
    const previous = await loadDiscountLimits(container);
    const [existing] = await service.listPosSettings({ id: SETTINGS_ID }, { take: 1 });
    if (existing) await service.updatePosSettings(toRow(settings));
    else await service.createPosSettings(toRow(settings));
    return new StepResponse(settings, { previous, existed: !!existing });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const service = posService(container);
    if (undo.existed) await service.updatePosSettings(toRow(undo.previous));
    else await service.deletePosSettings(SETTINGS_ID);
  },
);

export const updatePosSettingsWorkflow = createWorkflow("update-pos-settings", (input: PosSettings) => new WorkflowResponse(updatePosSettingsStep(input)));
