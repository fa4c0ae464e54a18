import { loadCustomerCrmState, type CustomerCrmState, type ProfileRow } from "../customer-state";
import type { CrmJournal } from "../journal";

/** The customer's profile, created as a walk-in one when missing. Call under the customer's lock. */
export async function ensureProfile(journal: CrmJournal, customerId: string, state?: CustomerCrmState): Promise<ProfileRow> {
  const current = state ?? (await loadCustomerCrmState(journal.container, customerId));
  if (current.profile) return current.profile;
  const created = await journal.createProfile(customerId, { customer_type: "walk_in", tags: [], last_visit_at: null });
  return { id: created.id, customer_type: "walk_in", tags: [], last_visit_at: null };
}
