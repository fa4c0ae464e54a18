import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { CustomerType } from "@voltura/domain";
import { customerLockKey, profileState } from "../domain/customer-state";
import { createCustomerProfileStep } from "./steps/create-customer-profile";
import { linkCustomerProfileStep } from "./steps/link-customer-records";
import { loadCustomerCrmStateStep } from "./steps/load-customer-crm-state";
import { updateCustomerProfileStep } from "./steps/update-customer-profile";

export interface SaveCustomerProfileInput {
  customer_id: string;
  customer_type?: CustomerType;
  /** Already normalised. */
  tags?: string[];
}

/** Creates the customer's profile or changes its type and tags, under the customer's lock (compensation restores the old values). */
export const saveCustomerProfileWorkflow = createWorkflow("save-crm-customer-profile", (input: SaveCustomerProfileInput) => {
  const lockKey = transform({ input }, ({ input }) => customerLockKey(input.customer_id));
  acquireLockStep({ key: lockKey, timeout: 15, ttl: 60 });
  const state = loadCustomerCrmStateStep(input.customer_id);
  const created = when("crm-profile-missing", { state }, ({ state }) => !state.profile).then(() => {
    const profile = createCustomerProfileStep(transform({ input }, ({ input }) => ({
      customer_type: input.customer_type ?? "walk_in",
      tags: input.tags ?? [],
      last_visit_at: null,
    })));
    linkCustomerProfileStep(transform({ input, profile }, ({ input, profile }) => ({ customer_id: input.customer_id, profile_id: profile.id })));
    return profile;
  });
  when("crm-profile-patch", { input, state }, ({ input, state }) => !!state.profile && (!!input.customer_type || !!input.tags)).then(() => {
    updateCustomerProfileStep(transform({ input, state }, ({ input, state }) => ({
      id: state.profile?.id ?? "",
      before: state.profile ? profileState(state.profile) : { customer_type: "walk_in" as const, tags: [], last_visit_at: null },
      patch: { ...(input.customer_type ? { customer_type: input.customer_type } : {}), ...(input.tags ? { tags: input.tags } : {}) },
    })));
  });
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(transform({ state, created }, ({ state, created }) => ({ id: state.profile?.id ?? created?.id ?? "" })));
});
