import type { MedusaContainer } from "@medusajs/framework/types";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { ProfileState } from "../../domain/customer-state";
import { CRM_MODULE, type CrmModuleService } from "../../modules/crm";

const crmOf = (container: MedusaContainer) => container.resolve<CrmModuleService>(CRM_MODULE);

/** The compensation: the profile goes again. */
export async function deleteCreatedProfile(container: MedusaContainer, profileId: string): Promise<void> {
  await crmOf(container).deleteCustomerProfiles(profileId);
}

/** Creates a CRM profile (link it to its customer with the customer ↔ profile link step). */
export const createCustomerProfileStep = createStep(
  "create-crm-customer-profile",
  async (input: ProfileState, { container }) => {
    const profile = await crmOf(container).createCustomerProfiles({ ...input, last_visit_at: input.last_visit_at ? new Date(input.last_visit_at) : null });
    return new StepResponse({ id: profile.id }, profile.id);
  },
  async (profileId: string | undefined, { container }) => {
    if (profileId) await deleteCreatedProfile(container, profileId);
  },
);
