import type { CustomerType } from "@voltura/domain";
import { loadCustomerCrmState, profileState, withCustomerLock } from "../customer-state";
import { journaledStep } from "../journaled-step";

export interface SaveCustomerProfileInput {
  customer_id: string;
  customer_type?: CustomerType;
  /** Already normalised. */
  tags?: string[];
}

/** Creates the customer's profile or changes its type and tags (compensation restores the old values). */
export const saveCustomerProfileStep = journaledStep("save-crm-customer-profile", (input: SaveCustomerProfileInput, journal) =>
  withCustomerLock(journal.container, input.customer_id, async () => {
    const state = await loadCustomerCrmState(journal.container, input.customer_id);
    if (!state.profile) {
      const created = await journal.createProfile(input.customer_id, {
        customer_type: input.customer_type ?? "walk_in",
        tags: input.tags ?? [],
        last_visit_at: null,
      });
      return { id: created.id };
    }
    const patch = {
      ...(input.customer_type ? { customer_type: input.customer_type } : {}),
      ...(input.tags ? { tags: input.tags } : {}),
    };
    if (Object.keys(patch).length) await journal.updateProfile(state.profile.id, profileState(state.profile), patch);
    return { id: state.profile.id };
  }),
);
