import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { LIVE_EVENTS } from "@voltura/domain";
import { customerLockKey, WALK_IN_PROFILE } from "../domain/customer-state";
import { createCustomerNoteStep } from "./steps/create-customer-note";
import { createCustomerProfileStep } from "./steps/create-customer-profile";
import { linkCustomerProfileStep } from "./steps/link-customer-records";
import { loadCustomerCrmStateStep } from "./steps/load-customer-crm-state";

export interface AddCustomerNoteInput {
  customer_id: string;
  body: string;
  author: string;
}

/** Appends a note to a customer's history (a walk-in profile is made first when missing); notes are never edited or deleted. */
export const addCustomerNoteWorkflow = createWorkflow("add-crm-customer-note", (input: AddCustomerNoteInput) => {
  const lockKey = transform({ input }, ({ input }) => customerLockKey(input.customer_id));
  acquireLockStep({ key: lockKey, timeout: 15, ttl: 60 });
  const state = loadCustomerCrmStateStep(input.customer_id);
  const created = when("crm-note-profile-missing", { state }, ({ state }) => !state.profile).then(() => {
    const profile = createCustomerProfileStep(WALK_IN_PROFILE);
    linkCustomerProfileStep(transform({ input, profile }, ({ input, profile }) => ({ customer_id: input.customer_id, profile_id: profile.id })));
    return profile;
  });
  const note = createCustomerNoteStep(transform({ input, state, created }, ({ input, state, created }) => ({
    profile_id: state.profile?.id ?? created?.id ?? "",
    body: input.body,
    author: input.author,
  })));
  releaseLockStep({ key: lockKey });
  emitEventStep({ eventName: LIVE_EVENTS.customerUpdated, data: transform({ input }, ({ input }) => ({ id: input.customer_id })) });
  return new WorkflowResponse(note);
});
