import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { PosSettings } from "@voltura/contracts";
import { loadPosSettings, posService, SETTINGS_ID } from "./context";

/** A change: without a refund limit, the stored one stays. */
export type PosSettingsChange = Omit<PosSettings, "refund_approval_limit_sen"> & { refund_approval_limit_sen?: number | null };

const toRow = (s: PosSettings) => ({
  id: SETTINGS_ID, line_max_percent_bp: s.line.max_percent_bp, line_max_amount_sen: s.line.max_amount_sen,
  cart_max_percent_bp: s.cart.max_percent_bp, cart_max_amount_sen: s.cart.max_amount_sen,
  refund_approval_limit_sen: s.refund_approval_limit_sen,
});

/** Stores the discount and refund limits; compensation puts the previous ones back. */
export const updatePosSettingsStep = createStep(
  "update-pos-settings",
  async (change: PosSettingsChange, { container }) => {
    const service = posService(container);
    const previous = await loadPosSettings(container);
    const settings: PosSettings = {
      line: change.line, cart: change.cart,
      refund_approval_limit_sen: change.refund_approval_limit_sen === undefined ? previous.refund_approval_limit_sen : change.refund_approval_limit_sen,
    };
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
