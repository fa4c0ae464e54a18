import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createStaffMemberWorkflow } from "./create-staff-member";
import { updateShopSettingsWorkflow } from "./update-shop-settings";
import { claimFirstRunSetupStep, completeFirstRunSetupStep } from "./steps/claim-first-run-setup";
import { ensureShopFoundationsStep } from "./steps/ensure-shop-foundations";

export interface SetupShopInput {
  shop: { name: string; phone: string; address: string; email?: string };
  owner: { name: string; email: string; password: string };
  /** The console's public address, for the tracking links printed on slips (when known). */
  public_url?: string | null;
}

/**
 * First-run setup: claims the setup (only while no staff exist; two at once → one wins), creates
 * the owner, writes the shop's business details, and makes sure the store, channels, region and
 * stock location exist. A failure undoes the owner, the settings and the claim.
 */
export const setupShopWorkflow = createWorkflow("setup-shop", (input: SetupShopInput) => {
  claimFirstRunSetupStep();
  const ownerInput = transform({ input }, ({ input }) => ({ ...input.owner, role: "owner" as const }));
  const owner = createStaffMemberWorkflow.runAsStep({ input: ownerInput });
  const settingsInput = transform({ input }, ({ input }) => ({
    patch: {
      business: {
        name: input.shop.name,
        phone: input.shop.phone,
        whatsapp: input.shop.phone,
        address: input.shop.address,
        email: input.shop.email ?? input.owner.email,
        // The defaults are the demo shop's: a real shop fills these in under Settings.
        registration_no: "",
        sst_no: null,
        ...(input.public_url ? { public_url: input.public_url } : {}),
      },
    },
    updated_by: "setup",
  }));
  const settings = updateShopSettingsWorkflow.runAsStep({ input: settingsInput });
  const foundationsInput = transform({ input, settings }, ({ input, settings }) => ({
    shop_name: input.shop.name,
    address: { address_1: input.shop.address },
    sst_rate_percent: settings.tax.sst_rate_bp / 100,
    created_by: "setup",
  }));
  ensureShopFoundationsStep(foundationsInput);
  const ownerId = transform({ owner }, ({ owner }) => owner.id);
  completeFirstRunSetupStep(ownerId);
  return new WorkflowResponse(owner);
});
