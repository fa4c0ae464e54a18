import type { MedusaContainer } from "@medusajs/framework/types";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { ProfileState } from "../../domain/customer-state";
import { CRM_MODULE, type CrmModuleService } from "../../modules/crm";

export interface UpdateCustomerProfileInput {
  id: string;
  /** The profile as it was: what the compensation puts back. */
  before: ProfileState;
  patch: Partial<ProfileState>;
}

const visit = (v: Date | string | null) => (v ? new Date(v) : null);

/** The compensation: the profile's type, tags and last visit as they were. */
export async function restoreProfile(container: MedusaContainer, profile: { id: string; state: ProfileState }): Promise<void> {
  await container.resolve<CrmModuleService>(CRM_MODULE).updateCustomerProfiles({
    id: profile.id,
    customer_type: profile.state.customer_type,
    tags: profile.state.tags,
    last_visit_at: visit(profile.state.last_visit_at),
  });
}

/** Changes a profile's type, tags or last visit. */
export const updateCustomerProfileStep = createStep(
  "update-crm-customer-profile",
  async (input: UpdateCustomerProfileInput, { container }) => {
    const { last_visit_at, ...rest } = input.patch;
    await container.resolve<CrmModuleService>(CRM_MODULE).updateCustomerProfiles({
      id: input.id,
      ...rest,
      ...(last_visit_at !== undefined ? { last_visit_at: visit(last_visit_at) } : {}),
    });
    return new StepResponse({ id: input.id }, { id: input.id, state: input.before });
  },
  async (previous: { id: string; state: ProfileState } | undefined, { container }) => {
    if (previous) await restoreProfile(container, previous);
  },
);
