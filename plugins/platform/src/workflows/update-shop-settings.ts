import { MedusaError } from "@medusajs/framework/utils";
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { ShopSettings, ShopSettingsPatch } from "@voltura/domain";
import { SHOP_SETTINGS_MODULE } from "../modules/shop-settings";
import type ShopSettingsService from "../modules/shop-settings/service";

export interface UpdateShopSettingsInput {
  patch: ShopSettingsPatch;
  updated_by: string;
}

const applySettingsPatchStep = createStep(
  "apply-shop-settings-patch",
  async (input: UpdateShopSettingsInput, { container }) => {
    const settings = container.resolve<ShopSettingsService>(SHOP_SETTINGS_MODULE);
    try {
      const { next, previous } = await settings.applyPatch(input.patch, input.updated_by);
      return new StepResponse(next, previous);
    } catch (err) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid settings: ${(err as Error).message}`);
    }
  },
  async (previous: ShopSettings | undefined, { container }) => {
    if (previous) await container.resolve<ShopSettingsService>(SHOP_SETTINGS_MODULE).saveSettings(previous, "rollback");
  },
);

export const updateShopSettingsWorkflow = createWorkflow("update-shop-settings", (input: UpdateShopSettingsInput) => {
  return new WorkflowResponse(applySettingsPatchStep(input));
});
